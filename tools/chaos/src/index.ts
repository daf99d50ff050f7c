// Fault drills and load for Pulse: reconcile what was acknowledged with what is stored and
// dead-lettered, the chaos drill (faults + a dynalite restart + redrive) and the soak.
export { reconcile, type ReconcileOptions } from './reconcile/reconcile';
export { compareReadings, type DeadLetterReason, type ReadingLedgers, type ReconcileReport } from './reconcile/compare-readings';
export { formatReconcileReport } from './reconcile/format-report';
export { parseSince } from './reconcile/parse-since';
export { readDeadLetters, type DeadLetter, type DeadLetterSource } from './reconcile/dead-letters';
export { storagePathRules } from './reconcile/storage-path';
export { redriveDeadLetterQueues, type RedriveOptions, type RedriveOutcome } from './drill/redrive';
export { runChaos, formatChaosResult, main as chaosMain, type ChaosOptions, type ChaosResult } from './chaos';
export type { BusKillRecord } from './drill/bus-kill';
export { CHAOS_FAULTS, CHAOS_READINGS, QUICK_CHAOS_BATCH, QUICK_CHAOS_FAULTS, QUICK_CHAOS_READINGS } from './chaos-defaults';
export { runSoak, formatSoakResult, main as soakMain, type SoakOptions, type SoakResult } from './soak';
export { soakRateFromBench, DEFAULT_SOAK_RATE, THROUGHPUT_STEP, type SoakRate } from './soak/bench-rate';
export { soakGoals, MAX_P99_FACTOR, MAX_RSS_GROWTH, type SoakGoal, type SoakWindow } from './soak/soak-goals';
