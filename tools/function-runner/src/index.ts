export { createFunctionRunner, functionNameFromArn, DEFAULT_CONCURRENCY } from './function-runner';
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
