// KAP: links in Tasklist's header to KAP's own pages (/kap/...), only those the logged-in user may open; the list
// comes from /kap/links, which uses Tasklist's own login. A user who may open none sees no link.
export default {
  id: 'kapPagesLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    fetch('/kap/links', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : []))
      .then((links) => {
        links.forEach((link) => {
          const anchor = document.createElement('a');
          anchor.href = link.path;
          anchor.textContent = link.label;
          anchor.className = 'kap-page-link';
          node.appendChild(anchor);
        });
      })
      .catch(() => {
        // logged out meanwhile: Tasklist shows its login page
      });
  },
};
