import type { Step } from '../harness/step';
import { ceilingStep } from './ceiling';
import { coldStartStep } from './cold-start';
import { costStep } from './cost';
import { cpuPerHopStep } from './cpu-per-hop';

/** Steps 1, 4, 5 and 6; the end-to-end steps 2 and 3 are added beside them by the local runtime's bench. */
export function builtInSteps(): Step[] {
  return [ceilingStep(), coldStartStep(), cpuPerHopStep(), costStep()];
}
