// Runs analyses in a module Worker (worker.js) so the page never waits on one.
//
// Usage:
//   const engine = new Engine({
//     onReady: ({hasModel, modelError}) => …, onLoadError: (message) => …,
//     onStart: (job) => …, onResult: (job, result, ms) => …, onError: (job, message) => …,
//   });
//   engine.start();
//   engine.analyze(text);   // only the newest request's result is delivered
//   engine.cancel();        // no result for what was asked so far
//
// One analysis runs at a time. A request made while one runs waits for it (its result is then
// dropped), unless the running text is long: then the worker is stopped and a new one started, so
// typing into a huge text does not queue minutes of work. A worker that crashes or whose analysis
// fails is replaced by a fresh one (the WebAssembly instance may be in a bad state after a failure);
// the failed text is not retried by itself.

const CANCEL_ABOVE = 200000;  // code units: a running analysis of a longer text is cancelled

export class Engine {
  constructor(handlers) {
    this.h = handlers;
    this.worker = null;
    this.seq = 0;
    this.running = null;  // {id, text}
    this.wanted = null;   // {id, text}: the newest request, not yet sent
    this.state = 'idle';  // 'loading' | 'ready' | 'failed'
  }

  start() {
    if (this.worker) this.worker.terminate();
    this.running = null;
    this.state = 'loading';
    const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'byline' });
    this.worker = w;
    w.onmessage = (e) => { if (w === this.worker) this.onMessage(e.data || {}); };
    w.onerror = (e) => {
      if (w !== this.worker) return;
      e.preventDefault();
      this.onCrash(e.message || 'the analysis worker stopped');
    };
    w.onmessageerror = () => { if (w === this.worker) this.onCrash('a message could not be read'); };
    w.postMessage({ type: 'load' });
  }

  analyze(text) {
    const job = { id: ++this.seq, text };
    this.wanted = job;
    if (this.state === 'failed') this.start();  // try loading again
    if (this.running) {
      if (this.running.text.length > CANCEL_ABOVE) this.start();
      else return job;
    }
    this.pump();
    return job;
  }

  // Forgets the waiting request; a long running analysis is stopped (the worker replaced), a short
  // one finishes and its result is dropped.
  cancel() {
    this.wanted = null;
    if (this.running && this.running.text.length > CANCEL_ABOVE) this.start();
    else if (this.running) this.running.dropped = true;
  }

  // The newest job, if any, is sent when the worker is free and loaded (or loading: the worker
  // waits for its engine itself).
  pump() {
    if (this.running || !this.wanted || this.state === 'failed') return;
    const job = this.wanted;
    this.wanted = null;
    this.running = job;
    this.h.onStart?.(job);
    this.worker.postMessage({ type: 'analyze', id: job.id, text: job.text });
  }

  onMessage(msg) {
    if (msg.type === 'ready') {
      this.state = 'ready';
      this.h.onReady?.(msg);
      this.pump();
      return;
    }
    if (msg.type === 'loaderror') {
      this.state = 'failed';
      const job = this.running;
      this.running = null;
      this.h.onLoadError?.(msg.message, job);
      return;
    }
    if (!this.running || msg.id !== this.running.id) return;
    const job = this.running;
    this.running = null;
    if (msg.type === 'result') {
      if (!this.wanted && !job.dropped) this.h.onResult?.(job, msg.result, msg.ms);
    } else if (msg.type === 'error') {
      if (this.state !== 'failed') {
        this.h.onError?.(job, msg.message);
        this.start();  // a fresh WebAssembly instance for the next text
      }
    }
    this.pump();
  }

  onCrash(message) {
    const job = this.running;
    this.running = null;
    if (this.state === 'loading') {  // the engine never loaded: do not restart in a loop
      this.worker.terminate();
      this.worker = null;
      this.state = 'failed';
      this.h.onLoadError?.(message, job);
      return;
    }
    this.start();
    this.h.onError?.(job, message);
    this.pump();
  }
}
