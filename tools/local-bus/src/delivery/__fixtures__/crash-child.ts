/**
 * Child process for the crash-durability test: journals deliveries to a target that never
 * answers, says ENQUEUED on stdout, then waits to be killed with SIGKILL.
 * Usage: node --import tsx crash-child.ts <directory> <count>
 */
import { createDispatcher } from '../dispatcher';
import { delivery } from './deliveries';

async function main(): Promise<void> {
  const [directory, countText] = process.argv.slice(2);
  const count = Number(countText);
  const hang = new Promise<void>(() => undefined);
  const dispatcher = createDispatcher({
    directory: directory!,
    log: () => undefined,
    invoker: { invokeFunction: () => hang, sendToQueue: () => hang, callApiDestination: () => hang },
  });
  await dispatcher.start();
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) => delivery(`crash-${i + j}`));
    await dispatcher.enqueue(batch);
  }
  process.stdout.write('ENQUEUED\n');
  // Pending promises do not keep Node alive; this does, until the parent kills us.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
