// Parent side of the iframe mode: tell the frame which origin may receive its messages, and
// size the frame to the height it reports. Only messages from the frame's own origin and window
// are read.
const frame = document.getElementById('scan');
const url = new URL(frame.getAttribute('src'), location.href);
url.searchParams.set('parent-origin', location.origin);
frame.src = url.href;

window.addEventListener('message', (event) => {
  if (event.origin !== url.origin || event.source !== frame.contentWindow) return;
  if (event.data?.type === 'sextant:height' && Number.isFinite(event.data.height)) {
    frame.height = String(Math.ceil(event.data.height));
  }
});
