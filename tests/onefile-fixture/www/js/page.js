// Starts the worker as the page would (a module worker, by URL), sends it a
// message at once, before it can have started, and shows the answer.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('message', (e) => {
  document.body.dataset.answer = e.data;
});
worker.addEventListener('error', (e) => {
  document.body.dataset.answer = `error: ${e.message}`;
});
worker.postMessage('ping');
