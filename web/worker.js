// The analysis worker: loads the engine (./byline.js) once and analyzes texts off the main thread.
//
// Messages in:  {type: 'load'}                  load the engine now (the page sends it at start)
//               {type: 'analyze', id, text}     analyze one text
// Messages out: {type: 'ready', hasModel, modelError}
//               {type: 'loaderror', message}    the engine (wasm) could not be loaded
//               {type: 'result', id, result, ms}
//               {type: 'error', id, message}    this analysis failed; the page restarts the worker
import { createAnalyzer } from './byline.js';

let analyzer = null;
let loading = null;

function errorMessage(err) {
  if (err && typeof err.message === 'string' && err.message) return err.message;
  return String(err);
}

function load() {
  if (!loading) {
    loading = createAnalyzer().then(
      (a) => {
        analyzer = a;
        self.postMessage({
          type: 'ready',
          hasModel: Boolean(a.hasModel),
          modelError: a.hasModel ? null : (a.modelWarning || null),
        });
        return a;
      },
      (err) => {
        loading = null;  // a later request tries again
        self.postMessage({ type: 'loaderror', message: errorMessage(err) });
        return null;
      });
  }
  return loading;
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === 'load') {
    load();
    return;
  }
  if (msg.type !== 'analyze') return;
  const a = analyzer || (await load());
  if (!a) {
    self.postMessage({ type: 'error', id: msg.id, message: 'the analysis engine is not loaded' });
    return;
  }
  const t0 = performance.now();
  let result;
  try {
    result = a.analyze(msg.text);
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, message: errorMessage(err) });
    return;
  }
  self.postMessage({ type: 'result', id: msg.id, result, ms: performance.now() - t0 });
};
