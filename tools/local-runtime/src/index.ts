// Pulse's local runtime: the whole pipeline on one machine (what `npm start` runs).
export { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from './local-runtime';
export { runStart, type StartIo, type StartOptions } from './start-command';
export {
  CONTRACT_PORTS,
  DEFAULT_API_KEY,
  DEFAULT_FLEET,
  LOCAL_REGION,
  PORT_FLAGS,
  physicalName,
  type LocalEndpoints,
  type PortName,
} from './local-contract';
export { PortInUseError } from './port-check';
export { loadOperatorIssuer, OPERATOR_TOKEN_TTL_SECONDS } from './operator-issuer';
export { formatStatus, type PipelineStatus } from './pipeline-status';
export { startSimulation, type RunningSimulation, type SimulationSettings, type Via } from './simulation';
export { statePaths, type StatePaths } from './state-directory';
export { PressureWatch, READING_PATH_FUNCTIONS, type PressureSource, type RuntimePressure } from './runtime-pressure';
export { FLEET_BURST_VARIABLE, FLEET_RATE_VARIABLE, UNTHROTTLED_INGEST, withReceiveReadingsVariables } from './ingest-settings';
