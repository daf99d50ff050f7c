// dynalite in a child process that dies with its parent: the IPC channel closes when the
// runtime exits for any reason (even SIGKILL), and an orphan would keep the LevelDB lock.
const { readdirSync } = require('node:fs');
const { setPriority } = require('node:os');
const { dirname } = require('node:path');

// LevelDB's defaults (a 4 MB write buffer, an 8 MB block cache) suit a small embedded store.
// Under the pipeline's steady writes they made dynalite flush and compact ever more as its table
// grew: writing 440,000 readings at 3,000/s, its CPU climbed from 105 to 151 % of a core with
// them and stayed at 93-124 % with these (p99 per BatchWriteItem 82-365 ms instead of 165-383).
// dynalite opens `new Level(path, options)` itself, so the options go in through the class it
// takes from `level`, replaced before dynalite loads. Memory: up to two write buffers and the cache.
const LEVELDB_OPTIONS = { writeBufferSize: 32 << 20, cacheSize: 64 << 20 };
const level = require(require.resolve('level', { paths: [dirname(require.resolve('dynalite'))] }));
const DefaultLevel = level.Level;
level.Level = class TunedLevel extends DefaultLevel {
  constructor(location, options) {
    super(location, { ...options, ...LEVELDB_OPTIONS });
    this.once('open', lowerCompactionPriority);
  }
};
const dynalite = require('dynalite');

/**
 * LevelDB flushes and compacts on a thread of its own, started at the first flush: every 35 s
 * at 750 readings/s, a second or three of a core that slowed every hop of the pipeline on two
 * cores. At the lowest priority it takes CPU the pipeline leaves idle. Every thread of this
 * process exists once the store is open (V8's, libuv's pool that runs LevelDB's reads and
 * writes), so a thread that appears later is LevelDB's. Linux only; elsewhere nothing changes.
 */
function lowerCompactionPriority() {
  const known = threadIds();
  if (!known) return;
  const timer = setInterval(() => {
    for (const tid of threadIds() ?? []) {
      if (known.has(tid)) continue;
      known.add(tid);
      try {
        setPriority(Number(tid), COMPACTION_NICE);
      } catch {
        // A thread that ended already, or a system that refuses: compaction keeps its priority.
      }
    }
  }, 500);
  timer.unref();
}

const COMPACTION_NICE = 19;

function threadIds() {
  try {
    return new Set(readdirSync('/proc/self/task'));
  } catch {
    return undefined;
  }
}

const [port, path] = [Number(process.argv[2]), process.argv[3]];
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
server.on('error', (error) => {
  process.send?.({ error: error.code ?? error.message });
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches the whole process group; the runtime stops this process itself once the bus
// has drained, so the functions still have their database while they finish.
process.on('SIGINT', () => undefined);
