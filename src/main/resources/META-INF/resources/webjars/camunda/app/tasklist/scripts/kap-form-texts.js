// KAP: Camunda Forms' own texts in the user's language. form-js (Tasklist's forms) writes a few texts of its own in
// English only: "Add new" under a list, "Expand all (7)", "Field is required." under a field, "No results" and the
// "Search" placeholder in a select. For a user whose KAP language is not English (kapLocale, kept by
// kap-pages-link.js), this script asks /kap/form-texts what to show instead (KAP's bundles, keys formjs.*) and
// replaces those texts wherever a form shows them, also when form-js draws them again.
const FORMS = '.fjs-container';

function language() {
  return window.localStorage.getItem('kapLocale');
}

/** "Expand all ({0})" → a test for form-js's text and what to write instead, the number carried over. */
function rule(replacement) {
  const parts = replacement.english.split('{0}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp('^' + parts.join('(\\d+)') + '$');
  return (text) => {
    const found = pattern.exec(text.trim());
    return found ? replacement.text.replace('{0}', found[1] === undefined ? '' : found[1]) : null;
  };
}

let rules = null;
let asking = null;

function loadRules() {
  if (!asking) {
    asking = fetch('/kap/form-texts', {credentials: 'same-origin', headers: {Accept: 'application/json'},
      redirect: 'manual'})
      .then((response) => {
        const json = (response.headers.get('Content-Type') || '').includes('json');
        return response.ok && json ? response.json() : null;
      })
      .catch(() => null)
      .then((answer) => {
        if (answer === null) {
          asking = null; // not logged in yet: ask again when a form shows
          return;
        }
        rules = answer.map(rule);
        translate(document.body);
      });
  }
}

function replaced(text) {
  for (const apply of rules) {
    const instead = apply(text);
    if (instead !== null) {
      return instead;
    }
  }
  return null;
}

function translate(root) {
  if (!rules || !rules.length || !root) {
    return;
  }
  const forms = root.nodeType === Node.ELEMENT_NODE && root.matches(FORMS) ? [root]
    : root.nodeType === Node.ELEMENT_NODE ? Array.from(root.querySelectorAll(FORMS)) : [];
  if (!forms.length && root.nodeType === Node.ELEMENT_NODE && root.closest(FORMS)) {
    forms.push(root);
  }
  for (const form of forms) {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const instead = node.data.trim() ? replaced(node.data) : null;
      if (instead !== null) {
        node.data = node.data.replace(node.data.trim(), instead);
      }
    }
    for (const element of form.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(attribute);
        const instead = value ? replaced(value) : null;
        if (instead !== null) {
          element.setAttribute(attribute, instead);
        }
      }
    }
  }
}

/**
 * The calendar a date field opens (flatpickr, inside form-js) names months and weekdays in English and starts the week
 * on Sunday: it gets the user's language's names and first day from the browser's own Intl data.
 */
function calendarLocale(lang) {
  const names = (options, dates) => dates.map((date) => new Intl.DateTimeFormat(lang, {...options, timeZone: 'UTC'})
    .format(date));
  const sundayFirst = Array.from({length: 7}, (_, day) => new Date(Date.UTC(2023, 0, 1 + day))); // 1 Jan 2023: Sunday
  const months = Array.from({length: 12}, (_, month) => new Date(Date.UTC(2023, month, 15)));
  const locale = new Intl.Locale(lang);
  const week = locale.getWeekInfo ? locale.getWeekInfo() : locale.weekInfo;
  return {
    weekdays: {shorthand: names({weekday: 'short'}, sundayFirst), longhand: names({weekday: 'long'}, sundayFirst)},
    months: {shorthand: names({month: 'short'}, months), longhand: names({month: 'long'}, months)},
    firstDayOfWeek: week ? week.firstDay % 7 : 0
  };
}

let calendarNames = null;

function localizeCalendars(root) {
  if (!root || root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const input of root.querySelectorAll('input')) {
    const picker = input._flatpickr;
    if (picker && !picker.kapLocalized) {
      calendarNames = calendarNames || calendarLocale(language());
      picker.kapLocalized = true;
      picker.set('locale', calendarNames);
      // the month list is built once, with the names of then
      (picker.monthsDropdownContainer ? Array.from(picker.monthsDropdownContainer.options) : [])
        .forEach((option) => { option.textContent = calendarNames.months.longhand[Number(option.value)]; });
    }
  }
}

if (language() && language() !== 'en') {
  new MutationObserver((changes) => {
    if (!document.querySelector(FORMS)) {
      return;
    }
    document.querySelectorAll(FORMS).forEach(localizeCalendars);
    if (rules === null) {
      loadRules();
      return;
    }
    for (const change of changes) {
      const target = change.type === 'characterData' ? change.target.parentElement : change.target;
      if (target && target.closest && target.closest(FORMS)) {
        translate(target.closest(FORMS));
      } else {
        change.addedNodes.forEach((node) => translate(node));
      }
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'aria-label', 'title']});
}
