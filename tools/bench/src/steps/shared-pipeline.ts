import type { StepContext } from '../harness/step';
import { startPipelineWorld, type PipelineWorld } from '../world/pipeline-world';
import { gatewayBatchSize } from './shared-world';

/** Probe zones registered up front: enough for step 3's exceedance probes at both rates. */
export const PROBE_ZONES = { quick: 16, full: 80 } as const;

/** One local runtime per bench run, shared by the end-to-end steps 2 and 3. */
export function sharedPipeline(context: StepContext): Promise<PipelineWorld> {
  return context.shared('pipeline', async () => {
    const world = await startPipelineWorld({
      root: context.options.root,
      zones: context.options.quick ? 4 : 8,
      batchSize: gatewayBatchSize(context),
      probeZones: context.options.quick ? PROBE_ZONES.quick : PROBE_ZONES.full,
      log: (line) => context.log(line),
    });
    return { value: world, close: () => world.close() };
  });
}
