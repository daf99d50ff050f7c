import type { StepContext } from '../harness/step';
import { startWorld, type World } from '../world/local-world';

/** The gateway batch the bench sends unless the workload says otherwise (the reference 50). */
export function gatewayBatchSize(context: StepContext): number {
  const size = Number(context.options.workload?.['batchSize'] ?? 50);
  if (!Number.isInteger(size) || size < 2 || size > 200) throw new Error(`batchSize must be an integer 2–200 for the measured steps, got ${size}`);
  return size;
}

/** One seeded world per bench run, shared by the cold-start and CPU steps. */
export function sharedWorld(context: StepContext): Promise<World> {
  return context.shared('world', async () => {
    const world = await startWorld({
      root: context.options.root,
      zones: context.options.quick ? 2 : 4,
      batchSize: gatewayBatchSize(context),
      log: (line) => context.log(line),
    });
    return { value: world, close: () => world.close() };
  });
}
