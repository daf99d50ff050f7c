import type { Step } from '../harness/step';
import { ceilingStep } from './ceiling';
import { coldStartStep } from './cold-start';
import { costStep } from './cost';
import { cpuPerHopStep } from './cpu-per-hop';
import { e2eLatencyStep } from './e2e-latency';
import { e2eThroughputStep } from './e2e-throughput';

/** The six steps, in order. */
export function builtInSteps(): Step[] {
  return [ceilingStep(), e2eThroughputStep(), e2eLatencyStep(), coldStartStep(), cpuPerHopStep(), costStep()];
}
