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

// At 1,200 pixels and less, several links side by side wrap Tasklist's header onto a second line, over the filters:
// there they fold into one "KAP pages" menu (a <details>, which keyboards and screen readers know). Wider, they fold
// too whenever they would not fit on the header's line (measured, see foldWhenTheyWrap).
const STYLE = `
.kap-page-links { display: inline-block; }
.kap-page-menu { display: none; position: relative; }
.kap-page-menu > summary { cursor: pointer; padding: 10px 8px; white-space: nowrap; list-style: revert; }
.kap-page-menu > div { position: absolute; right: 0; z-index: 1000; min-width: 14em; background: #fff;
  border: 1px solid #ccc; box-shadow: 0 2px 6px rgba(0, 0, 0, .2); }
.kap-page-menu a { display: block; padding: 8px 12px; white-space: nowrap; }
@media (max-width: 1200px) {
  .kap-page-links.kap-several { display: none; }
  .kap-page-menu { display: inline-block; }
}
.kap-folded .kap-page-links.kap-several { display: none; }
.kap-folded .kap-page-menu { display: inline-block; }`;

/**
 * Folds the links into the menu whenever, side by side, they do not fit on the header's line: when one of them
 * wraps below the others, or the header grows to two lines (taller than twice a link). What fits depends on the
 * window, the user's name, the links and the fonts, so it is measured, not guessed.
 */
function foldWhenTheyWrap(header, inline) {
  header.classList.remove('kap-folded');
  const links = Array.from(inline.children);
  if (links.length === 0 || inline.offsetParent === null) {
    return; // folded by the narrow-screen rule already
  }
  const top = links[0].getBoundingClientRect().top;
  const linkHeight = links[0].offsetHeight;
  const wrapped = links.some((each) => Math.abs(each.getBoundingClientRect().top - top) > 2)
    || header.offsetHeight > 2.2 * linkHeight;
  if (wrapped) {
    header.classList.add('kap-folded');
  }
}

function link(target, className) {
  const anchor = document.createElement('a');
  anchor.href = target.path;
  anchor.textContent = target.label;
  anchor.className = className;
  return anchor;
}

export default {
  id: 'kapPagesLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    links().then((answer) => {
      if (answer === null || returnToThePageAskedFor(true)) {
        return; // logged out meanwhile (Tasklist shows its login page), or on the way to the page asked for
      }
      if (answer.length === 0) {
        return;
      }
      const style = document.createElement('style');
      style.textContent = STYLE;
      node.appendChild(style);
      const inline = document.createElement('span');
      inline.className = answer.length > 1 ? 'kap-page-links kap-several' : 'kap-page-links';
      answer.forEach((target) => {
        const anchor = link(target, 'kap-page-link');
        // side by side in the header: Tasklist's navbar styles its links as blocks, one under the other, which with
        // several links grows the header over the filters
        anchor.style.display = 'inline-block';
        anchor.style.padding = '10px 8px';
        anchor.style.whiteSpace = 'nowrap';
        inline.appendChild(anchor);
      });
      node.appendChild(inline);
      if (answer.length > 1) {
        const menu = document.createElement('details');
        menu.className = 'kap-page-menu';
        const summary = document.createElement('summary');
        summary.textContent = 'KAP pages';
        menu.appendChild(summary);
        const list = document.createElement('div');
        answer.forEach((target) => list.appendChild(link(target, 'kap-page-menu-link')));
        menu.appendChild(list);
        node.appendChild(menu);
        const header = node.closest('.navbar') || node.closest('[cam-widget-header]') || document.body;
        const fit = () => foldWhenTheyWrap(header, inline);
        fit();
        window.requestAnimationFrame(fit);
        window.setTimeout(fit, 500); // Tasklist fills the rest of its header after the plugins
        window.addEventListener('resize', () => window.requestAnimationFrame(fit));
      }
    });
  },
};
