// The in-page half of the benchmark. `probe` is injected with page.addInitScript, so it runs
// before any script of the page, and keeps everything it measures on `window.__bench`.
// It must stay self-contained: Playwright sends its source text, not its closure.
//
// Times are performance.now() values, i.e. milliseconds since navigation start.
//
//   marks          name -> { dom, frame, painted, box }: when an element first existed (dom),
//                  the start of the first frame in which it was visible (frame), the end of
//                  that frame's main-thread rendering work (painted: a MessageChannel task
//                  posted from the frame's requestAnimationFrame callback runs after style,
//                  layout and paint of that frame), and its box in that frame (for a click).
//                  `welcome` (the Start button) and `firstQuestion` (the first question's
//                  first enabled control) are watched from the start.
//   interactions   one record per click or key press: t0 (the event's timeStamp), handled
//                  (after the page's own listeners and the microtasks they queued, i.e. after
//                  the widget rendered), painted (end of the first frame that shows the last
//                  DOM change the interaction caused)
//   eventTiming    Event Timing API entries (duration >= 16 ms), as a cross-check
//   wasm           the module's WebAssembly.Memory and when instantiation started and ended

/** @param {{ startLabel: string, resultsLabel: string }} config */
export function probe(config) {
  const now = () => performance.now();
  const B = {
    config,
    marks: {},
    interactions: [],
    eventTiming: [],
    longTasks: [],
    wasm: { memory: null, instantiations: [] },
    lastMutation: 0,
    mutations: 0,
  };
  window.__bench = B;

  // ---- WebAssembly: keep the instance's memory -----------------------------------------------
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      const start = now();
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        for (const value of Object.values(instance.exports)) {
          if (value instanceof WebAssembly.Memory) B.wasm.memory = value;
        }
        B.wasm.instantiations.push({ name, start, end: now() });
        return result;
      });
    };
  }
  B.wasmBytes = () => (B.wasm.memory ? B.wasm.memory.buffer.byteLength : null);

  // ---- localStorage writes (the widget saves the answers after every change) ---------------
  B.storage = { writes: 0, ms: 0, bytes: 0 };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = now();
    try {
      return setItem.call(this, key, value);
    } finally {
      const ms = now() - start;
      B.storage.writes++;
      B.storage.ms += ms;
      B.storage.bytes = String(value).length;
      if (open) {
        open.storageWrites = (open.storageWrites ?? 0) + 1;
        open.storageMs = (open.storageMs ?? 0) + ms;
      }
    }
  };

  // ---- Frames --------------------------------------------------------------------------------
  /** Calls back with (frame start, end of that frame's rendering work) for the next frame. */
  function nextFrame(callback) {
    requestAnimationFrame(() => {
      const frame = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(frame, now());
      channel.port2.postMessage(null);
    });
  }

  function visible(el) {
    if (!el || !el.isConnected) return false;
    const opts = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
    if (typeof el.checkVisibility === 'function' && !el.checkVisibility(opts)) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  }

  // ---- Marks: the first frame in which an element is there and visible ----------------------
  const finders = {
    welcome: () =>
      [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === config.startLabel && !b.disabled,
      ),
    firstQuestion: () => {
      const fieldset = document.querySelector('main fieldset');
      return fieldset && fieldset.querySelector('input:not([disabled]), button:not([disabled])');
    },
    report: () =>
      [...document.querySelectorAll('h2')].find((h) => h.textContent.trim() === config.resultsLabel),
  };
  const watching = new Map(); // name -> { waiters, frameScheduled, done (its frame was found) }

  function check(name) {
    const w = watching.get(name);
    if (!w || w.frameScheduled || w.done) return;
    const el = finders[name]();
    if (!el) return;
    const mark = (B.marks[name] ??= { dom: now(), frame: null, painted: null });
    w.frameScheduled = true;
    requestAnimationFrame(() => {
      w.frameScheduled = false;
      const found = finders[name]();
      if (!visible(found)) {
        check(name); // there, not yet visible: look again at the next frame
        return;
      }
      mark.frame = now();
      const r = found.getBoundingClientRect();
      mark.box = { x: r.x, y: r.y, width: r.width, height: r.height };
      // Still watched until painted, so that a `when` in between waits for this frame.
      w.done = true;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        mark.painted = now();
        watching.delete(name);
        for (const resolve of w.waiters) resolve(mark);
      };
      channel.port2.postMessage(null);
    });
  }

  /** Start watching for a mark (welcome and firstQuestion are watched from the start). */
  B.watch = (name) => {
    delete B.marks[name];
    if (!watching.has(name)) watching.set(name, { waiters: [], frameScheduled: false, done: false });
    check(name);
  };
  /** A promise of the mark, once painted. */
  B.when = (name) =>
    new Promise((resolve) => {
      const mark = B.marks[name];
      if (mark && mark.painted !== null) return resolve(mark);
      if (!watching.has(name)) B.watch(name);
      watching.get(name).waiters.push(resolve);
    });

  const observer = new MutationObserver(() => {
    B.lastMutation = now();
    B.mutations++;
    for (const name of watching.keys()) check(name);
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  B.watch('welcome');
  B.watch('firstQuestion');

  // ---- Interactions --------------------------------------------------------------------------
  // An interaction starts at a click or a key press (its event timeStamp: when the input
  // arrived, so waiting for a busy main thread counts). It ends with the first frame that
  // starts after the last DOM change made since; it is closed once a further frame has
  // passed without DOM changes (the widget's renderer can split long work over tasks).
  let open = null;
  const settledWaiters = [];

  function track(record) {
    const frames = [];
    const onFrame = (frame, painted) => {
      frames.push({ frame, painted });
      const last = Math.max(B.lastMutation, record.t0);
      const previous = frames.length >= 2 ? frames[frames.length - 2] : null;
      if (previous && previous.frame > last) {
        const first = frames.find((f) => f.frame > last);
        record.frame = first.frame;
        record.painted = first.painted;
        record.frames = frames.length;
        if (open === record) open = null;
        if (!open) settledWaiters.splice(0).forEach((resolve) => resolve());
        return;
      }
      nextFrame(onFrame);
    };
    nextFrame(onFrame);
  }

  function begin(event) {
    if (!event.isTrusted) return;
    const record = {
      type: event.type,
      target: describe(event.target),
      t0: event.timeStamp,
      dispatch: now(),
      handled: null,
      taskEnd: null,
      frame: null,
      painted: null,
    };
    B.interactions.push(record);
    open = record;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (record.taskEnd = now());
    channel.port2.postMessage(null);
    track(record);
  }
  function handled(event) {
    if (!event.isTrusted || !open) return;
    open.handled = now();
  }
  function describe(el) {
    if (!(el instanceof Element)) return String(el);
    const label = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} ${label}`.trim();
  }
  // Capture listeners on window run before any of the page's; bubble listeners on window run
  // after them (the widget listens on its root element) and after the microtask checkpoint that
  // follows each listener, in which the widget's scheduler renders.
  addEventListener('click', begin, true);
  addEventListener('keydown', begin, true);
  for (const type of ['click', 'input', 'change']) addEventListener(type, handled, false);

  /** Resolves when no interaction is open. */
  B.settled = () => new Promise((resolve) => (open ? settledWaiters.push(resolve) : resolve()));

  // ---- Browser-reported timings (cross-checks) ----------------------------------------------
  const observe = (type, options, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true, ...options });
    } catch {
      /* not supported: the figure is reported as missing */
    }
  };
  observe('event', { durationThreshold: 16 }, (e) =>
    B.eventTiming.push({
      name: e.name,
      startTime: e.startTime,
      duration: e.duration,
      processingStart: e.processingStart,
      processingEnd: e.processingEnd,
      interactionId: e.interactionId,
      target: e.target ? describe(e.target) : null,
    }),
  );
  observe('longtask', {}, (e) => B.longTasks.push({ startTime: e.startTime, duration: e.duration }));
}
