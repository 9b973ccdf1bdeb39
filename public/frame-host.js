// Include on a page that shows embed.html in an <iframe>: sizes each such frame to its
// content. Mark the frames with data-almaty-process-frame; the height messages are accepted
// only from those frames.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'almaty-process:height' || typeof data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe[data-almaty-process-frame]')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(0, Math.min(data.height, 100000))}px`;
    }
  }
});
