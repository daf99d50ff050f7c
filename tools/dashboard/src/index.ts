export { startDashboard } from './start-dashboard';
export type { Dashboard, DashboardOptions } from './dashboard-options';
export type { HealthSnapshot, TraceResult, TrimmedEvent } from './shared/messages';
export { parseEmf, type EmfSample } from './metrics/emf';
export { ALERT_RAISE_LATENCY_METRIC } from './metrics/metric-names';
