// KAP: links in Tasklist's header to KAP's own pages (/kap/...), only those the logged-in user may open; the list
// comes from /kap/links, which uses Tasklist's own login. A user who may open none sees no link.
//
// A page opened before logging in sends the browser here with ?kap-page=<the page>: once the user has logged in,
// this script takes them back to that page. Only KAP's own pages are accepted, never another site.
const RETURN_KEY = 'kapReturnToPage';
const KAP_PAGE = /^\/kap\/[A-Za-z0-9\-._~/?=&%]*$/;

const requested = new URLSearchParams(window.location.search).get('kap-page');
if (requested && KAP_PAGE.test(requested) && !requested.startsWith('//')) {
  window.sessionStorage.setItem(RETURN_KEY, requested);
}
if (requested !== null) {
  // keep Tasklist's own address, so that the back button does not lead to the page again
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
}

function links() {
  return fetch('/kap/links', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => {
      const json = (response.headers.get('Content-Type') || '').includes('json');
      return response.ok && json ? response.json() : null; // null: not logged in (yet)
    })
    .catch(() => null);
}

function returnToThePageAskedFor(loggedIn) {
  const page = window.sessionStorage.getItem(RETURN_KEY);
  if (loggedIn && page && KAP_PAGE.test(page)) {
    window.sessionStorage.removeItem(RETURN_KEY);
    window.location.assign(page);
    return true;
  }
  return false;
}

// after the login form, Tasklist moves from #/login to its task list
window.addEventListener('hashchange', () => {
  if (window.sessionStorage.getItem(RETURN_KEY) && !window.location.hash.startsWith('#/login')) {
    links().then((answer) => returnToThePageAskedFor(answer !== null));
  }
});

export default {
  id: 'kapPagesLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    links().then((answer) => {
      if (answer === null || returnToThePageAskedFor(true)) {
        return; // logged out meanwhile (Tasklist shows its login page), or on the way to the page asked for
      }
      answer.forEach((link) => {
        const anchor = document.createElement('a');
        anchor.href = link.path;
        anchor.textContent = link.label;
        anchor.className = 'kap-page-link';
        // side by side in the header: Tasklist's navbar styles its links as blocks, one under the other, which with
        // several links grows the header over the filters
        anchor.style.display = 'inline-block';
        anchor.style.padding = '10px 8px';
        anchor.style.whiteSpace = 'nowrap';
        node.appendChild(anchor);
      });
    });
  },
};
