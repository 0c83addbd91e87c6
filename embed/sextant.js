// <sextant-scan>: the Sextant widget as a custom element.
//
//   <script type="module" src="/sextant/sextant.js"></script>
//   <sextant-scan lang="nl"></sextant-scan>
//
// Attributes: src, lang, storage-key, theme (light | dark | auto), submit-url, share-base,
// consent-text. Events (bubbling, composed): sextant:ready, sextant:step, sextant:complete,
// sextant:error. Every asset URL resolves relative to this file, so the bundle can live in any
// folder, or on another origin that allows CORS.

const BASE = new URL('.', import.meta.url);
// Subresource integrity of the files this loader fetches, filled in by scripts/sri.mjs when the
// release bundle is built (empty in development builds, where nothing is pinned).
const INTEGRITY = {};
// The wasm-bindgen glue, written into this file by scripts/sri.mjs in release builds, so that
// the integrity hash a host puts on this file covers it too: a module this file imported would
// be fetched without any check (a host's `modulepreload` with `integrity` does not stop an
// import from fetching the module again). In development builds the glue is imported.
const GLUE = null;
const pinned = (name) => ({ integrity: INTEGRITY[name] ?? '' });
const ATTRIBUTES = ['src', 'lang', 'storage-key', 'theme', 'submit-url', 'share-base', 'consent-text'];

let wasm = null; // the wasm module, loaded once, on the first connected element
let sheets = null; // the widget's stylesheets, shared by every instance
const STYLESHEETS = ['sextant.css', 'charts.css'];

/**
 * Why a file of the bundle could not be had, for the host's admin: the browser says only "Failed
 * to fetch", the same for a network failure, a refusal by the page's Content-Security-Policy
 * (`directive`) and a file that is not the one the bundle pinned (subresource integrity).
 */
function notFetched(name, error, directive) {
  return new Error(
    `${name} could not be loaded (${error?.message ?? error}): the network failed, the page's ` +
      `Content-Security-Policy does not allow it (${directive}), or the file is not the one that ` +
      'was pinned (its integrity hash differs)',
  );
}

function loadWasm() {
  if (!wasm) {
    // The wasm is requested at once, alongside its JS glue, not after it: one round trip
    // less before the widget can start. A failed request is reported through `init` below.
    const wasmFile = 'sextant-widget_bg.wasm';
    const response = fetch(new URL(wasmFile, BASE), pinned(wasmFile)).then(
      (r) => {
        if (!r.ok) throw new Error(`${wasmFile}: HTTP ${r.status}`);
        return r;
      },
      (error) => { throw notFetched(wasmFile, error, 'connect-src'); },
    );
    response.catch(() => {});
    const glue = 'sextant-widget.js';
    const module = GLUE ? Promise.resolve().then(GLUE) : import(new URL(glue, BASE).href);
    wasm = module.then(async (m) => {
      await m.default({ module_or_path: response });
      return m;
    }, (error) => { throw notFetched(glue, error, 'script-src'); });
    // A failed load is not kept: the next element that connects (or this one, put back) tries
    // again.
    wasm.catch(() => { wasm = null; });
  }
  return wasm;
}

function loadSheets() {
  sheets ??= Promise.all(
    STYLESHEETS.map(async (name) => {
      const r = await fetch(new URL(name, BASE), pinned(name)).catch((error) => {
        throw notFetched(name, error, 'connect-src');
      });
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await r.text());
      return sheet;
    }),
  );
  sheets.catch(() => { sheets = null; });
  return sheets;
}

/**
 * The language of the loader's own message, nl or en: the first of them in the element's
 * `lang` (which may be a list, "fr, nl"), else the page's, else the browser's languages.
 */
function messageLanguage(element) {
  const wanted = [
    ...(element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || '').split(','),
    ...(navigator.languages ?? []),
  ];
  for (const tag of wanted) {
    const base = tag.trim().toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

class SextantScan extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle = null;
  // The element the widget is rendered into.
  #root = null;
  #generation = 0;
  // Removed, and to be unmounted unless it is inserted again first (a move).
  #leaving = false;
  // What had focus inside the widget when it lost it, until the end of that task: the browser
  // takes focus from an element that is removed, just before its removal.
  #blurred = null;
  #refocus = null;
  // An attribute changed while the element was out of the page: put back, it mounts afresh.
  #changedOut = false;

  constructor() {
    super();
    this.addEventListener('focusout', (e) => {
      if (e.relatedTarget) return;
      this.#blurred = e.composedPath()[0];
      queueMicrotask(() => {
        this.#blurred = null;
      });
    });
  }

  connectedCallback() {
    // Only a widget that runs is kept: one that failed to load tries again.
    const moved = this.#leaving && !this.#changedOut && this.#handle !== null;
    this.#leaving = false;
    this.#changedOut = false;
    if (moved) {
      // Moved (taken out and put back in one go, as a tab panel or a dialog does): the widget
      // stays as it was, and a keyboard user's place with it.
      const target = this.#refocus;
      this.#refocus = null;
      if (target?.isConnected) target.focus({ preventScroll: true });
      return;
    }
    this.#refocus = null;
    this.#mount();
  }

  disconnectedCallback() {
    this.#leaving = true;
    this.#refocus = this.#blurred;
    queueMicrotask(() => {
      if (!this.#leaving) return;
      this.#leaving = false;
      this.#changedOut = false;
      this.#refocus = null;
      this.#generation++;
      this.#unmount();
      // An element removed while loading keeps nothing of it.
      this.shadowRoot?.querySelector('[data-loading]')?.remove();
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!this.isConnected) {
      this.#changedOut ||= this.#leaving;
      return;
    }
    if (name === 'theme' && this.#handle) {
      this.#handle.set_theme(newValue ?? 'auto');
      return;
    }
    // Any other option changes what is loaded or how it is stored: mount afresh.
    this.#mount();
  }

  /** The options, read from the attributes. */
  options() {
    // No prototype: nothing the page adds to Object.prototype can pass for an attribute.
    const o = Object.create(null);
    for (const a of ATTRIBUTES) {
      const v = this.getAttribute(a);
      if (v !== null) o[a] = v;
    }
    // Addresses relative to the host page, as in its own links.
    for (const a of ['src', 'submit-url', 'share-base']) {
      // Empty or only spaces counts as not given (the widget leaves it out).
      if (!o[a]?.trim()) continue;
      try {
        // An address with a scheme stands on its own: `https:` alone (a template whose host
        // came out empty) is no address, not the host page's own.
        const scheme = /^\s*[a-z][a-z\d+.-]*:/i.test(o[a]);
        o[a] = (scheme ? new URL(o[a].trim()) : new URL(o[a], document.baseURI)).href;
      } catch {
        // Left as written: the widget names what it cannot read.
      }
    }
    return o;
  }

  async #mount() {
    const generation = ++this.#generation;
    this.#unmount();
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.firstChild) {
      // Said while the widget loads, which on a slow connection takes seconds.
      const loading = document.createElement('p');
      loading.setAttribute('role', 'status');
      loading.dataset.loading = '';
      const dutch = messageLanguage(this) === 'nl';
      loading.lang = dutch ? 'nl' : 'en';
      shadow.append(loading);
      // The text arrives in the region after the region itself, so that it is announced.
      requestAnimationFrame(() => {
        loading.textContent = dutch ? 'De vragenlijst wordt geladen…' : 'Loading the assessment…';
      });
    }
    try {
      const [m, css] = await Promise.all([loadWasm(), loadSheets()]);
      if (generation !== this.#generation || !this.isConnected) return;
      shadow.adoptedStyleSheets = css;
      const root = document.createElement('div');
      shadow.replaceChildren(root);
      this.#root = root;
      this.#handle = m.mount_element(root, this, this.options());
    } catch (error) {
      if (generation !== this.#generation) return;
      // In the element's language (its `lang`, else the page's), with the browser's own
      // message, which is in English, marked as such.
      const dutch = messageLanguage(this) === 'nl';
      const box = document.createElement('p');
      box.setAttribute('role', 'alert');
      box.lang = dutch ? 'nl' : 'en';
      const detail = document.createElement('span');
      detail.lang = 'en';
      detail.textContent = String(error.message ?? error);
      box.append(dutch ? 'De vragenlijst kon niet worden gestart: ' : 'The assessment could not be started: ', detail);
      shadow.replaceChildren(box);
      this.dispatchEvent(
        new CustomEvent('sextant:error', {
          bubbles: true,
          composed: true,
          detail: { message: String(error.message ?? error) },
        }),
      );
    }
  }

  #unmount() {
    if (this.#handle) {
      this.#handle.destroy();
      // Freed now, not whenever the garbage collector gets round to the wrapper.
      this.#handle.free();
      this.#handle = null;
    }
    // Yew keeps its event listeners on the element it rendered into for the page's lifetime,
    // and with them that element. Taken out of the shadow root, it no longer keeps this
    // element and its shadow root alive as well (a single-page host that recreates the element
    // on every route): only itself, empty.
    this.#root?.remove();
    this.#root = null;
  }
}

if (!customElements.get('sextant-scan')) {
  customElements.define('sextant-scan', SextantScan);
}
