/**
 * EventBridge `source` of every Pulse service. Producers, consumer rules and CDK all
 * import these so a typo cannot silently route events nowhere.
 */
export const SOURCES = {
  ingest: 'pulse.ingest',
  transform: 'pulse.transform',
  enrich: 'pulse.enrich',
  persist: 'pulse.persist',
  alert: 'pulse.alert',
} as const;

export type PulseSource = (typeof SOURCES)[keyof typeof SOURCES];
