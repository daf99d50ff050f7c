/** 20 % transient failures in every function: mostly thrown errors, some throttles, a few timeouts. */
export const CHAOS_FAULTS = '*:0.15,*:0.04:throttle,*:0.01:timeout';
/**
 * The quick drill's 20 %: errors and throttles only. An injected timeout holds an execution
 * environment for the function's declared limit (up to 30 s here), so one would dominate a
 * 5,000-reading run; the function runner's tests cover timeouts, the full drill injects them.
 */
export const QUICK_CHAOS_FAULTS = '*:0.15,*:0.05:throttle';
export const CHAOS_READINGS = 100_000;
export const QUICK_CHAOS_READINGS = 5_000;
/** Smaller batches in the quick drill: more invocations per function, so every function meets its faults. */
export const QUICK_CHAOS_BATCH = 100;
