// Every spec drives a live runtime: on a loaded machine a function's cold start alone can take
// seconds, so the default per-test timeout is 30 s (properties set their own).
module.exports = { displayName: 'reliability', preset: '../../jest.preset.cjs', rootDir: __dirname, testTimeout: 30_000 };
