// KAP: links in Tasklist's header to KAP's own pages (/kap/...), only those the logged-in user may open; the list
// comes from /kap/links, which uses Tasklist's own login. A user who may open none sees no link. The user's own
// settings ("My settings", a "personal" link) stand apart, as a gear at the end, never folded away.
//
// Tasklist in the user's KAP language: Tasklist 7.24 picks its language once, as it starts, from the browser's
// (navigator.languages[0], else navigator.language; config.js's availableLocales, else fallbackLocale) and stores no
// choice of its own. So before Tasklist starts (it waits for this module, top-level await included), this script
// asks /kap/me for the user's language, keeps it in localStorage (kapLocale: the login page then speaks the last
// user's language) and shows Tasklist that language as the browser's. Logging in happens without a page load, so
// once logged in it asks again and reloads Tasklist once if the language differs from the one Tasklist started in.
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

const LOCALE_KEY = 'kapLocale';
const RELOADED_KEY = 'kapLocaleReloadedFor';
const AVAILABLE = ['en', 'de', 'fr']; // config.js's locales
const FALLBACK = 'en';

/** The language Tasklist takes from the browser, by Tasklist's own rule. */
function browserLanguage() {
  const navigator = window.navigator;
  const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
  const language = first.split('-')[0].toLowerCase();
  return AVAILABLE.includes(language) ? language : FALLBACK;
}

function speak(language) {
  Object.defineProperty(window.navigator, 'languages', {configurable: true, get: () => [language]});
  Object.defineProperty(window.navigator, 'language', {configurable: true, get: () => language});
}

/** {userId, locale} of the logged-in user; null when nobody is (the filter then redirects, not followed here). */
function me() {
  return fetch('/kap/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}, redirect: 'manual'})
    .then((response) => {
      const json = (response.headers.get('Content-Type') || '').includes('json');
      return response.ok && json ? response.json() : null;
    })
    .catch(() => null);
}

function known(language) {
  return typeof language === 'string' && AVAILABLE.includes(language) ? language : null;
}

// at most two seconds: Tasklist starts in the stored (or the browser's) language rather than wait longer
const startedAs = await Promise.race([me(), new Promise((resolve) => setTimeout(() => resolve(null), 2000))]);
if (startedAs && known(startedAs.locale)) {
  window.localStorage.setItem(LOCALE_KEY, startedAs.locale);
}
const stored = known(window.localStorage.getItem(LOCALE_KEY));
const inUse = stored || browserLanguage();
if (stored) {
  speak(stored);
  dateFieldsIn(stored);
}

/**
 * Camunda Forms' date fields take and show dates in the order of the browser's own locale (form-js asks
 * Intl.DateTimeFormat('default') for it): they follow the user's KAP language instead, as KAP's texts do, so a French
 * user types and reads 15/03/2027 and an English one 03/15/2027, whatever the browser's language.
 */
function dateFieldsIn(language) {
  const regional = {en: 'en-US', fr: 'fr-FR', de: 'de-DE'}[language];
  const Native = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    return new Native(locales === undefined || locales === 'default' ? regional : locales, options);
  }
  DateTimeFormat.prototype = Native.prototype;
  DateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  Intl.DateTimeFormat = DateTimeFormat;
}

/** Once logged in: Tasklist in the user's language, reloading it once if it started in another. */
function followTheUsersLanguage() {
  me().then((answer) => {
    const language = answer && known(answer.locale);
    if (!language) {
      return;
    }
    window.localStorage.setItem(LOCALE_KEY, language);
    if (language === inUse) {
      window.sessionStorage.removeItem(RELOADED_KEY);
    } else if (window.sessionStorage.getItem(RELOADED_KEY) !== language) {
      window.sessionStorage.setItem(RELOADED_KEY, language); // once: never a loop of reloads
      window.location.reload();
    }
  });
}

/** {links, menu}: the links the user may open and the label of the menu they fold into, in the user's language. */
function links() {
  return fetch('/kap/links?menu', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => {
      const json = (response.headers.get('Content-Type') || '').includes('json');
      return response.ok && json ? response.json() : null; // null: not logged in (yet)
    })
    .then((answer) => (answer && Array.isArray(answer.links) ? answer : null))
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

/** The user's own settings: a gear, named for screen readers and on hover, narrow enough never to fold. */
function settingsLink(target) {
  const anchor = document.createElement('a');
  anchor.href = target.path;
  anchor.className = 'kap-settings-link';
  anchor.title = target.label;
  anchor.setAttribute('aria-label', target.label);
  anchor.textContent = '\u2699';
  anchor.style.display = 'inline-block'; // as the links beside it; without the links' style sheet when alone
  anchor.style.padding = '10px 8px';
  anchor.style.fontSize = '1.15em';
  return anchor;
}

export default {
  id: 'kapPagesLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    followTheUsersLanguage();
    links().then((found) => {
      if (found === null || returnToThePageAskedFor(true)) {
        return; // logged out meanwhile (Tasklist shows its login page), or on the way to the page asked for
      }
      const all = found.links;
      const answer = all.filter((target) => !target.personal);
      const personal = all.filter((target) => target.personal);
      if (answer.length === 0) {
        personal.forEach((target) => node.appendChild(settingsLink(target)));
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
        summary.textContent = found.menu || 'KAP pages';
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
      personal.forEach((target) => node.appendChild(settingsLink(target)));
    });
  },
};
