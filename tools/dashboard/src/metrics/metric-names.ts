import { END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE } from '@pulse/service-kit';

export { END_TO_END_LATENCY_METRIC, METRICS_NAMESPACE };

/**
 * Alert's "exceedance accepted → AlertRaised" latency in ms. No service emits it yet (see the
 * README): the dashboard reads it from EMF once alert does, and shows "no samples" until then.
 */
export const ALERT_RAISE_LATENCY_METRIC = 'AlertRaiseLatency';
