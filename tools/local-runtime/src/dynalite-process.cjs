// dynalite in a child process that dies with its parent: the IPC channel closes when the
// runtime exits for any reason (even SIGKILL), and an orphan would keep the LevelDB lock.
const dynalite = require('dynalite');

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
