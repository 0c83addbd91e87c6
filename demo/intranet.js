// Parent side of the iframe mode: tell the frame which origin may receive its messages, and
// size the frame to the height it reports. Only messages from the frame's own origin and window
// are read. Share links point at this page (`share-base`), and a share or team link opened
// here (`#r=…`, `#team`) is handed on to the frame, which opens it.
const frame = document.getElementById('scan');
const url = new URL(frame.getAttribute('src'), location.href);
url.searchParams.set('parent-origin', location.origin);
url.searchParams.set('share-base', location.href.split('#')[0]);
const widgetLink = () => (/^#(r=|team)/.test(location.hash) ? location.hash : '');
url.hash = widgetLink();
frame.src = url.href;
window.addEventListener('hashchange', () => {
  const link = widgetLink();
  if (link) {
    url.hash = link;
    frame.src = url.href;
  }
});

window.addEventListener('message', (event) => {
  if (event.origin !== url.origin || event.source !== frame.contentWindow) return;
  if (event.data?.type === 'sextant:height' && Number.isFinite(event.data.height)) {
    frame.height = String(Math.ceil(event.data.height));
  }
});
