export { createFunctionRunner, functionNameFromArn, DEFAULT_CONCURRENCY, DEFAULT_IDLE_RETIRE_MS } from './function-runner';
export type { FunctionRunner, FunctionRunnerOptions } from './function-runner';
export { functionsFromDeclarations } from './functions-from-declarations';
export type { FromDeclarationsOptions } from './functions-from-declarations';
export { functionArn } from './lambda-environment';
export type {
  FunctionSpec,
  FunctionStats,
  InvocationMode,
  InvokeFailure,
  InvokeOptions,
  InvokeResult,
  InvokeSuccess,
} from './function-spec';
export { parseFaultRules, checkFaultRules, FaultRulesError, FAULTS_ENV, FAULT_KINDS, EVERY_FUNCTION } from './fault-rules';
export type { FaultKind, FaultRule } from './fault-rules';
