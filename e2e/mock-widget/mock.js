// A stand-in for the widget that follows the DOM contract in
// e2e/lib/scan-page.mjs. The harness self-test drives it with the same
// journeys as the real widget, so a broken page object or journey shows up
// before the real widget exists. It is not a reference implementation of the
// scoring engine: it handles exactly what the fixtures need.

const STRINGS = {
  en: {
    start: 'Start', back: 'Back', next: 'Next', seeResults: 'See results',
    resultsHeading: 'Your results', scores: 'Scores', dimension: 'Dimension', score: 'Score',
    notEnough: 'Not enough answers', dontKnow: "Don't know / not applicable",
    loadError: 'This assessment could not be loaded', progress: 'Progress',
    step: (n, m) => `Step ${n} of ${m}`,
  },
  nl: {
    start: 'Start', back: 'Terug', next: 'Volgende', seeResults: 'Bekijk resultaten',
    resultsHeading: 'Uw resultaten', scores: 'Scores', dimension: 'Dimensie', score: 'Score',
    notEnough: 'Te weinig antwoorden', dontKnow: 'Weet niet / niet van toepassing',
    loadError: 'Deze vragenlijst kon niet worden geladen', progress: 'Voortgang',
    step: (n, m) => `Stap ${n} van ${m}`,
  },
};

const params = new URLSearchParams(location.search);
const lang = STRINGS[params.get('lang')] ? params.get('lang') : 'en';
const t = STRINGS[lang];
const app = document.getElementById('app');
document.documentElement.lang = lang;

const state = { assessment: null, step: -1, answers: {} };

// Create an element: h('p', { class: 'x' }, 'text', child, ...).
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false && value != null) el.setAttribute(key, String(value));
  }
  el.append(...children);
  return el;
}

function validate(a) {
  a.sections.forEach((section, i) => section.questions.forEach((q, j) => {
    if (typeof q.scale !== 'string') {
      throw new Error(`sections[${i}].questions[${j}].scale: expected a scale id (string), found ${JSON.stringify(q.scale)}`);
    }
    if (!a.scales.some((s) => s.id === q.scale)) {
      throw new Error(`sections[${i}].questions[${j}].scale: unknown scale "${q.scale}"`);
    }
  }));
  return a;
}

function scores(a) {
  return a.dimensions.map((dim) => {
    let sum = 0;
    let weight = 0;
    for (const q of a.sections.flatMap((s) => s.questions)) {
      const w = q.weights?.[dim.id];
      const v = state.answers[q.id];
      if (!w || v == null || v === 'na') continue;
      const values = a.scales.find((s) => s.id === q.scale).points.map((p) => p.value);
      const min = Math.min(...values);
      const max = Math.max(...values);
      sum += w * ((Number(v) - min) / (max - min));
      weight += w;
    }
    if (weight === 0) return [dim.label, t.notEnough];
    const x = (100 * sum) / weight;
    return [dim.label, String(Math.sign(x) * Math.round(Math.abs(x)))]; // half away from zero
  });
}

function render() {
  const a = state.assessment;
  if (state.step < 0) {
    app.replaceChildren(
      h('h1', {}, a.title),
      h('button', { type: 'button', onclick: () => { state.step = 0; render(); } }, t.start),
    );
    return;
  }
  if (state.step >= a.sections.length) {
    const heading = h('h2', { tabindex: -1 }, t.resultsHeading);
    app.replaceChildren(
      h('h1', {}, a.title),
      heading,
      h('table', {},
        h('caption', {}, t.scores),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.dimension), h('th', { scope: 'col' }, t.score))),
        h('tbody', {}, ...scores(a).map(([label, value]) =>
          h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, value))))),
    );
    heading.focus();
    return;
  }

  const section = a.sections[state.step];
  const total = a.sections.length;
  const heading = h('h2', { tabindex: -1 }, section.title);
  const questions = section.questions.map((q) => {
    const points = a.scales.find((s) => s.id === q.scale).points
      .map((p) => ({ value: String(p.value), label: p.label }))
      .concat([{ value: 'na', label: t.dontKnow }]);
    return h('fieldset', {},
      h('legend', {}, q.text),
      ...points.map((p) => h('label', {},
        h('input', {
          type: 'radio', name: q.id, value: p.value,
          checked: state.answers[q.id] === p.value,
          onchange: () => { state.answers[q.id] = p.value; },
        }),
        ' ', p.label)));
  });
  const last = state.step === total - 1;
  app.replaceChildren(
    h('h1', {}, a.title),
    heading,
    h('p', {}, t.step(state.step + 1, total)),
    h('div', { role: 'progressbar', 'aria-label': t.progress, 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': state.step + 1 }),
    ...questions,
    h('button', { type: 'button', disabled: state.step === 0, onclick: () => { state.step -= 1; render(); } }, t.back),
    ' ',
    h('button', { type: 'button', onclick: () => { state.step += 1; render(); } }, last ? t.seeResults : t.next),
  );
  heading.focus();
}

async function main() {
  try {
    const src = params.get('src');
    if (!src) throw new Error('src: the harness mock has no built-in assessment');
    const response = await fetch(src);
    if (!response.ok) throw new Error(`src: HTTP ${response.status}`);
    state.assessment = validate(await response.json());
    render();
  } catch (err) {
    app.replaceChildren(h('div', { role: 'alert' }, `${t.loadError}: ${err.message}`));
  }
}

main();
