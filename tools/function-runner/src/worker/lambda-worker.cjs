'use strict';
/**
 * One Lambda execution environment, inside a worker thread. Plain CommonJS so Node loads it
 * as is under Jest, tsx and built output alike. It loads the bundle once (init), then runs one
 * invocation at a time when the runner sends `invoke`, and posts the outcome back.
 *
 * stdout/stderr are intercepted here and sent on the same port as results, so every log line
 * of an invocation reaches the runner before that invocation's result.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const v8 = require('node:v8');

const { bundlePath, handlerExport } = workerData;
const flushers = [captureLines(process.stdout, 'stdout'), captureLines(process.stderr, 'stderr')];

function captureLines(stream, name) {
  let pending = '';
  stream.write = (chunk, encoding, callback) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    const parts = (pending + text).split('\n');
    pending = parts.pop();
    if (parts.length > 0) parentPort.postMessage({ type: 'log', stream: name, lines: parts });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  return () => {
    if (pending === '') return;
    parentPort.postMessage({ type: 'log', stream: name, lines: [pending] });
    pending = '';
  };
}

function flushLogs() {
  for (const flush of flushers) flush();
}

/** Lambda's error shape: errorType is the error's name, or the type of a thrown non-error. */
function describeError(error) {
  if (error instanceof Error) return { errorType: error.name || 'Error', errorMessage: error.message };
  if (error === undefined || error === null) return { errorType: 'Error', errorMessage: String(error) };
  return { errorType: typeof error, errorMessage: typeof error === 'string' ? error : safeJson(error) };
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

async function loadModule(file) {
  if (file.endsWith('.mjs')) return import(pathToFileURL(file).href);
  try {
    return require(file);
  } catch (error) {
    // An ES module bundle under a "type": "module" package: load it the ESM way, as Lambda does.
    if (error && error.code === 'ERR_REQUIRE_ESM') return import(pathToFileURL(file).href);
    throw error;
  }
}

async function init() {
  let mod;
  try {
    mod = await loadModule(bundlePath);
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(bundlePath)) {
      return { errorType: 'Runtime.ImportModuleError', errorMessage: `Error: Cannot find module '${bundlePath}'` };
    }
    if (error instanceof SyntaxError) return { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: String(error) };
    return describeError(error);
  }
  const handler = typeof mod[handlerExport] === 'function' ? mod[handlerExport] : mod.default && mod.default[handlerExport];
  if (typeof handler !== 'function') {
    const base = path.basename(bundlePath, path.extname(bundlePath));
    return { errorType: 'Runtime.HandlerNotFound', errorMessage: `${base}.${handlerExport} is undefined or not exported` };
  }
  return handler;
}

function makeContext(fields, deadlineMs, callback) {
  return {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
    // Legacy context methods some handlers still call.
    done: (error, result) => callback(error, result),
    succeed: (result) => callback(null, result),
    fail: (error) => callback(error === undefined || error === null ? new Error('handled') : error),
  };
}

/** Async handlers resolve their promise; callback handlers (three parameters) call back. */
function runHandler(handler, event, fields, deadlineMs) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    const context = makeContext(fields, deadlineMs, callback);
    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      callback(error === undefined || error === null ? new Error(String(error)) : error);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (result) => callback(null, result),
        (error) => callback(error === undefined || error === null ? new Error(String(error)) : error),
      );
    } else if (handler.length < 3) {
      callback(null, returned);
    }
  });
}

function traceId() {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}

/** Lambda returns the result as JSON: undefined becomes null, functions vanish. */
function serialise(result) {
  try {
    const json = result === undefined ? undefined : JSON.stringify(result);
    return { ok: true, json: json === undefined ? 'null' : json };
  } catch {
    return { ok: false, errorType: 'Runtime.MarshalError', errorMessage: 'Unable to stringify response body' };
  }
}

/** A fault drill's stand-in for the handler (PULSE_FAULTS): it fails the way a real one would. */
function injectedFault(message) {
  if (message.fault === 'error') {
    throw new Error(`Injected fault (PULSE_FAULTS): ${message.context.functionName} failed`);
  }
  // 'timeout': runs past the limit; the runner ends it at the declared timeout, as Lambda does.
  return new Promise(() => undefined);
}

async function invoke(handler, message) {
  // Lambda sets the trace header per invocation; Powertools' logger reads it from the environment.
  process.env._X_AMZN_TRACE_ID = traceId();
  if (message.fault) handler = () => injectedFault(message);
  let outcome;
  try {
    const result = await runHandler(handler, JSON.parse(message.eventJson), message.context, message.deadlineMs);
    outcome = serialise(result);
  } catch (error) {
    outcome = { ok: false, ...describeError(error) };
  }
  flushLogs();
  // This environment's own heap (an isolate per worker), for the runner's memory figures.
  const heap = v8.getHeapStatistics();
  parentPort.postMessage({ type: 'result', id: message.id, heapUsedBytes: heap.used_heap_size, heapResidentBytes: heap.total_physical_size, ...outcome });
}

init().then((loaded) => {
  flushLogs();
  if (typeof loaded !== 'function') {
    parentPort.postMessage({ type: 'init-error', ...loaded });
    return;
  }
  parentPort.on('message', (message) => {
    if (message.type === 'invoke') void invoke(loaded, message);
  });
  parentPort.postMessage({ type: 'ready' });
});
