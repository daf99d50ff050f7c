'use strict';
// Loaded first in a bench child, before any bundle: counts what a function writes to
// stdout/stderr (CloudWatch Logs bills it) and its outgoing AWS calls, in sequential rounds.
const http = require('node:http');
const https = require('node:https');

const counters = { logBytes: 0, logLines: 0, calls: 0, rounds: 0, emf: [], tail: [] };
let inflight = 0;

function countRequests(mod) {
  const original = mod.request;
  mod.request = function countedRequest(...args) {
    const request = original.apply(this, args);
    counters.calls += 1;
    // A call started while none is outstanding begins a new round of waiting.
    if (inflight === 0) counters.rounds += 1;
    inflight += 1;
    let finished = false;
    request.once('close', () => {
      if (!finished) {
        finished = true;
        inflight -= 1;
      }
    });
    return request;
  };
}
countRequests(http);
countRequests(https);

function captureWrites(stream) {
  stream.write = function capturedWrite(chunk, encoding, callback) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    counters.logBytes += Buffer.byteLength(text, 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      counters.logLines += 1;
      if (line.includes('"_aws"')) counters.emf.push(line);
      counters.tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
      if (counters.tail.length > 20) counters.tail.shift();
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
}
captureWrites(process.stdout);
captureWrites(process.stderr);

/** The counters since the last reset, then zeroed (the tail of lines is kept for errors). */
function takeCounters() {
  const taken = { logBytes: counters.logBytes, logLines: counters.logLines, calls: counters.calls, rounds: counters.rounds, emf: counters.emf };
  counters.logBytes = 0;
  counters.logLines = 0;
  counters.calls = 0;
  counters.rounds = 0;
  counters.emf = [];
  return taken;
}

function lastLines() {
  return counters.tail.slice();
}

/** A Lambda context as the runtime passes it, for one invocation. */
function lambdaContext(requestId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME || 'bench-function';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION || 'us-east-1'}:000000000000:function:${name}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE || '128',
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME || `/aws/lambda/${name}`,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME || 'bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function errorOf(error) {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

module.exports = { takeCounters, lastLines, lambdaContext, errorOf };
