// @pulse/bench: the benchmark harness, its built-in steps and the cost model.
export { runBench, selectSteps, type BenchOptions, type BenchReport } from './harness/run-bench';
export type { Figure, Shared, Step, StepContext, StepOptions, StepResult } from './harness/step';
export { summarize, splitEvenly, type Stats } from './harness/stats';
export { repeat, type RepeatPlan } from './harness/repeat';
export { LatencyRecorder, type LatencySummary } from './harness/latency';
export { RESULTS_SCHEMA, latestStepRecord, type BenchResults, type StepRecord } from './harness/results';
export { builtInSteps } from './steps/built-in-steps';
export { ceilingStep, CEILING_STEP_ID } from './steps/ceiling';
export { coldStartStep, COLD_START_STEP_ID } from './steps/cold-start';
export { cpuPerHopStep, CPU_STEP_ID } from './steps/cpu-per-hop';
export { costStep, COST_STEP_ID } from './steps/cost';
export { costModel, byCategory, type CostCategory, type CostLine, type CostReport, type DesignCost } from './cost/cost-model';
export { fitLinear, valueAt, type HopMeasurement, type Linear, type Measured } from './cost/measured';
export { loadPrices, PRICES_FILE, type Prices } from './cost/prices';
export { REFERENCE_WORKLOAD, workloadWith, type Workload } from './cost/workload';
export { main } from './main';
