/**
 * The young generation an execution environment gets, from its declared memory. V8 sizes a heap
 * from the machine's memory, and a Lambda environment's machine has the function's memory; a
 * worker thread here would otherwise size itself from the whole workstation (a 16 MB semi-space
 * per isolate on a 24 GB machine, where a 256 MB function gets 1 MB), so two dozen environments
 * would each slowly grow a young generation no Lambda has, and the runtime's resident memory
 * with them. The semi-space follows V8's scaling (about 1/256 of memory, a power of two, 1–16 MB;
 * the young generation is three of them).
 *
 * The old generation keeps V8's default on purpose: in Node 20 an allocation past a worker's
 * old-generation limit can abort the whole process instead of ending the worker, so enforcing
 * the declared memory would let one greedy function take the runtime down.
 */
export interface HeapLimits {
  readonly maxYoungGenerationSizeMb: number;
}

const MIN_SEMI_SPACE_MB = 1;
const MAX_SEMI_SPACE_MB = 16;
const MEMORY_PER_SEMI_SPACE_MB = 256;
/** Two semi-spaces and the young large-object space. */
const SEMI_SPACES_PER_YOUNG_GENERATION = 3;

export function heapLimitsFor(memoryMb: number): HeapLimits {
  const wanted = 2 ** Math.ceil(Math.log2(Math.max(1, memoryMb / MEMORY_PER_SEMI_SPACE_MB)));
  const semiSpaceMb = Math.min(MAX_SEMI_SPACE_MB, Math.max(MIN_SEMI_SPACE_MB, wanted));
  return { maxYoungGenerationSizeMb: SEMI_SPACES_PER_YOUNG_GENERATION * semiSpaceMb };
}
