export { urlOf, type ApiTarget } from './api-target';
export { formatStatus } from './format-status';
export { gatewayBatches } from './gateway-batches';
export { postReadings, type PostOptions } from './post-readings';
export { registerDevices, registrationBody, type RegistrationResult } from './register-devices';
export { retryAfterMs } from './retry-after';
export { runSimulation, type SimulationOptions, type SimulationStatus } from './run-simulation';
export { addCounts, emptyCounts, type SendCounts } from './send-counts';
export { realClock, virtualClock, type SimClock, type VirtualClock } from './sim-clock';
