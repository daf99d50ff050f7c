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
const dynaliteStore = require(require.resolve('dynalite/db', { paths: [dirname(require.resolve('dynalite'))] }));
const createStore = dynaliteStore.create;
dynaliteStore.create = (options) => {
  const store = createStore(options);
  cacheTableDescriptions(store.tableDb);
  return store;
};
const dynalite = require('dynalite');

/**
 * dynalite reads a table's description from LevelDB for every request, and again for every item
 * of a BatchWriteItem (putItem looks it up too): 26 reads of the same key, each a trip through
 * libuv's thread pool, for one 25-item write, about a third of the store's reads under the
 * pipeline's load. Descriptions change only through this same object (CreateTable, UpdateTable,
 * DeleteTable and their status changes), so its text is kept here and each reader still gets a
 * fresh object, as LevelDB's JSON decoding gave it. A write or delete forgets the key when it
 * starts and when it ends, and a read that overlapped either does not fill the cache.
 */
function cacheTableDescriptions(tableDb) {
  const texts = new Map();
  const versions = new Map();
  const version = (key) => versions.get(key) ?? 0;
  const forget = (key) => {
    texts.delete(key);
    versions.set(key, version(key) + 1);
  };
  const { get, put, del, batch } = tableDb;
  tableDb.get = (key, callback, ...more) => {
    if (typeof callback !== 'function' || more.length > 0) return get.call(tableDb, key, callback, ...more);
    const text = texts.get(key);
    if (text !== undefined) return process.nextTick(callback, null, JSON.parse(text));
    const readAt = version(key);
    get.call(tableDb, key, (error, value) => {
      if (!error && value !== undefined && version(key) === readAt) texts.set(key, JSON.stringify(value));
      callback(error, value);
    });
  };
  const forgetting = (write) => (key, ...rest) => {
    forget(key);
    const callback = typeof rest.at(-1) === 'function' ? rest.pop() : () => undefined;
    write.call(tableDb, key, ...rest, (...results) => {
      forget(key);
      callback(...results);
    });
  };
  tableDb.put = forgetting(put);
  tableDb.del = forgetting(del);
  tableDb.batch = (operations, callback = () => undefined) => {
    for (const { key } of operations) forget(key);
    batch.call(tableDb, operations, (...results) => {
      for (const { key } of operations) forget(key);
      callback(...results);
    });
  };
}

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
