// The iframe mode: embed.html?lang=nl&parent-origin=https://intranet.example
//
// Takes the same options as <sextant-scan> as query parameters, reports the content height to the
// parent page with postMessage (only to the origins listed in `parent-origin`), forwards the
// widget's events, and accepts messages only from those origins.
import './sextant.js';

const OPTIONS = ['src', 'lang', 'storage-key', 'theme', 'submit-url', 'share-base', 'consent-text'];
const params = new URLSearchParams(location.search);
// Each an origin as the browser writes it: `https://intranet.example/` (as copied from the
// address bar) is taken as `https://intranet.example`; an entry with a path, or that is no http(s)
// address, is left out with a warning, so that a typo does not fail without a word.
const allowed = (params.get('parent-origin') ?? '')
  .split(/[\s,]+/)
  .filter(Boolean)
  .flatMap((entry) => {
    try {
      const url = new URL(entry);
      if (/^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash) return [url.origin];
    } catch {
      // Warned about below.
    }
    console.warn(`Sextant: parent-origin "${entry}" is left out: give an origin, such as https://intranet.example`);
    return [];
  });

// Address options must be on this page's site when the page is opened on its own, not framed:
// anyone can send a link to embed.html with a query string of their making, and it must not load
// their questions, send the answers to them or point share links at them. In a frame, the
// framing page chose the address (and the host's frame-ancestors policy decides who may frame).
const URL_OPTIONS = ['src', 'submit-url', 'share-base'];
const framed = window.parent !== window;
const refused = framed
  ? []
  : URL_OPTIONS.filter((name) => {
      const value = params.get(name);
      if (!value) return false;
      try {
        return new URL(value, location.href).origin !== location.origin;
      } catch {
        return true;
      }
    });

const scan = document.createElement('sextant-scan');
document.querySelector('#scan > .fallback')?.remove();
if (refused.length) {
  const dutch = (params.get('lang') ?? navigator.language ?? '').toLowerCase().startsWith('nl');
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'refused';
  box.lang = dutch ? 'nl' : 'en';
  const lead = document.createElement('p');
  lead.textContent = dutch
    ? 'Deze vragenlijst start niet: het adres van deze pagina noemt een andere site voor:'
    : 'This assessment does not start: the address of this page names another site for:';
  const list = document.createElement('p');
  list.lang = 'en';
  list.textContent = refused.join(', ');
  box.append(lead, list);
  document.getElementById('scan').append(box);
} else {
  for (const name of OPTIONS) {
    const value = params.get(name);
    if (value) scan.setAttribute(name, value);
  }
  document.getElementById('scan').append(scan);
}

function post(message) {
  if (window.parent === window) return;
  for (const origin of allowed) window.parent.postMessage(message, origin);
}

let last = 0;
function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) {
    last = height;
    post({ type: 'sextant:height', height });
  }
}
new ResizeObserver(reportHeight).observe(document.documentElement);

// The tab's title: the assessment's, cut to 120 characters and without direction controls, so
// that a hostile title can neither fill the tab nor turn " · Sextant" around.
function setTitle(title) {
  const plain = [...title.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').trim()];
  document.title = `${plain.length > 120 ? `${plain.slice(0, 120).join('')}…` : plain.join('')} · Sextant`;
}

// This page is the widget's own: its language and title follow the widget's, for screen
// readers and the browser's tab (also when the visitor switches the language: the title is
// then read from the screen's own heading of the assessment).
function followLanguage() {
  const lang = scan.shadowRoot?.querySelector('.sx-app[lang]')?.getAttribute('lang');
  if (lang) document.documentElement.lang = lang;
  const title = scan.shadowRoot?.querySelector('#sx-title, .sx-screen-title, #sx-shared-title')
    ?.textContent.trim();
  if (title) setTitle(title);
}
scan.addEventListener('sextant:ready', (e) => {
  if (typeof e.detail?.title === 'string') setTitle(e.detail.title);
  if (typeof e.detail?.locale === 'string') document.documentElement.lang = e.detail.locale;
  if (scan.shadowRoot) {
    new MutationObserver(followLanguage).observe(scan.shadowRoot, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['lang'],
    });
  }
});

for (const name of ['ready', 'step', 'complete', 'error']) {
  scan.addEventListener(`sextant:${name}`, (e) => {
    post({ type: `sextant:${name}`, detail: e.detail });
    reportHeight();
  });
}

window.addEventListener('message', (event) => {
  // Every message is checked against the allow-list before anything is read from it.
  if (!allowed.includes(event.origin) || event.source !== window.parent) return;
  const data = event.data;
  if (data?.type === 'sextant:theme' && ['light', 'dark', 'auto'].includes(data.theme)) {
    scan.setAttribute('theme', data.theme);
  } else if (data?.type === 'sextant:height?') {
    last = 0;
    reportHeight();
  }
});
