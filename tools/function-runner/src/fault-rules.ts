/** The environment variable fault drills are configured with (`PULSE_FAULTS=transform:0.2,persist:0.1`). */
export const FAULTS_ENV = 'PULSE_FAULTS';

/**
 * What an injected fault looks like to the caller:
 * - `error`: the handler throws (`errorType` Error), the environment stays warm;
 * - `timeout`: the invocation runs past the declared timeout; `Sandbox.Timedout`, the environment is replaced;
 * - `throttle`: the function is at its concurrency limit; `TooManyRequestsException`, nothing runs.
 */
export const FAULT_KINDS = ['error', 'timeout', 'throttle'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Every target matches `*`; otherwise a function name, or a service name for all its functions. */
export const EVERY_FUNCTION = '*';

export interface FaultRule {
  /** A function name, a service name, or `*`. */
  readonly target: string;
  /** Chance per invocation, in [0, 1]. */
  readonly probability: number;
  readonly kind: FaultKind;
}

/** A fault configuration that cannot be applied; the message says which entry and why. */
export class FaultRulesError extends Error {
  constructor(message: string) {
    super(`${FAULTS_ENV}: ${message}`);
    this.name = 'FaultRulesError';
  }
}

const SYNTAX = '<function or service or *>:<probability 0..1>[:error|timeout|throttle]';

/**
 * Parses `transform:0.2,persist:0.1:timeout,*:0.05:throttle`. Entries are separated by commas
 * (whitespace ignored); the kind defaults to `error`. An empty or absent value means no faults.
 * Throws FaultRulesError naming the entry at fault.
 */
export function parseFaultRules(text: string | undefined): FaultRule[] {
  if (text === undefined || text.trim() === '') return [];
  const rules = text.split(',').map((raw, index) => parseEntry(raw.trim(), index + 1));
  checkFaultRules(rules);
  return rules;
}

function parseEntry(entry: string, position: number): FaultRule {
  const where = `entry ${position} '${entry}'`;
  if (entry === '') throw new FaultRulesError(`entry ${position} is empty; expected ${SYNTAX}`);
  const parts = entry.split(':').map((part) => part.trim());
  if (parts.length < 2 || parts.length > 3) throw new FaultRulesError(`${where}: expected ${SYNTAX}, e.g. transform:0.2`);
  const [target, probabilityText, kindText = 'error'] = parts;
  if (target === '') throw new FaultRulesError(`${where}: the function or service name is empty`);
  // Number('') is 0 and Number('0x1') is 1: accept plain decimals only.
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(probabilityText)) {
    throw new FaultRulesError(`${where}: probability '${probabilityText}' is not a number between 0 and 1`);
  }
  const kind = FAULT_KINDS.find((known) => known === kindText);
  if (kind === undefined) throw new FaultRulesError(`${where}: unknown kind '${kindText}'; kinds are ${FAULT_KINDS.join(', ')}`);
  return { target, probability: Number(probabilityText), kind };
}

/** The checks parsed and programmatic rules share: range, no repeated target+kind, at most 1 per target. */
export function checkFaultRules(rules: readonly FaultRule[]): void {
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  for (const rule of rules) {
    if (!(rule.probability >= 0 && rule.probability <= 1)) {
      throw new FaultRulesError(`${rule.target}:${rule.probability}: the probability must be between 0 and 1`);
    }
    if (!FAULT_KINDS.includes(rule.kind)) throw new FaultRulesError(`${rule.target}: unknown kind '${String(rule.kind)}'; kinds are ${FAULT_KINDS.join(', ')}`);
    const key = `${rule.target}:${rule.kind}`;
    if (seen.has(key)) throw new FaultRulesError(`${key} is given twice`);
    seen.add(key);
    totals.set(rule.target, (totals.get(rule.target) ?? 0) + rule.probability);
  }
  for (const [target, total] of totals) {
    // A little slack for decimal sums such as 0.7 + 0.2 + 0.1.
    if (total > 1 + 1e-9) throw new FaultRulesError(`the probabilities for ${target} add up to ${round(total)}; at most 1`);
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
