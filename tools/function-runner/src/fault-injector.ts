import { checkFaultRules, EVERY_FUNCTION, FaultRulesError, type FaultKind, type FaultRule } from './fault-rules';

export interface FaultInjector {
  /** The fault this invocation of `functionName` suffers, if any (one random draw). */
  draw(functionName: string): FaultKind | undefined;
  /** Replaces the rules (an empty list stops injecting); throws FaultRulesError as at start. */
  set(rules: readonly FaultRule[]): void;
  rules(): readonly FaultRule[];
}

interface Band {
  readonly kind: FaultKind;
  /** The draw falls in this band when it is below `upTo` (and above the previous band's). */
  readonly upTo: number;
}

/**
 * Resolves the rules per function: the most specific target wins whole (function name, then
 * service name, then `*`), so `*:0.2,persist:0.1` gives persist's functions 0.1 and every other
 * function 0.2. Kinds of one target share a single draw, so their probabilities add up.
 */
export function createFaultInjector(
  functions: readonly { readonly name: string; readonly service: string }[],
  initial: readonly FaultRule[],
  random: () => number,
): FaultInjector {
  let current: readonly FaultRule[] = [];
  let bands = new Map<string, readonly Band[]>();

  function set(rules: readonly FaultRule[]): void {
    checkFaultRules(rules);
    const services = new Set(functions.map((fn) => fn.service));
    const names = new Set(functions.map((fn) => fn.name));
    for (const rule of rules) {
      if (rule.target !== EVERY_FUNCTION && !names.has(rule.target) && !services.has(rule.target)) {
        const known = [...services, ...names].sort().join(', ');
        throw new FaultRulesError(`'${rule.target}' is neither a function nor a service here; known: ${known}`);
      }
    }
    const next = new Map<string, readonly Band[]>();
    for (const fn of functions) {
      const target = [fn.name, fn.service, EVERY_FUNCTION].find((candidate) => rules.some((rule) => rule.target === candidate));
      if (target === undefined) continue;
      let upTo = 0;
      const own = rules.filter((rule) => rule.target === target && rule.probability > 0).map((rule) => ({ kind: rule.kind, upTo: (upTo += rule.probability) }));
      if (own.length > 0) next.set(fn.name, own);
    }
    current = [...rules];
    bands = next;
  }

  set(initial);
  return {
    draw(functionName) {
      const own = bands.get(functionName);
      if (own === undefined) return undefined;
      const value = random();
      return own.find((band) => value < band.upTo)?.kind;
    },
    set,
    rules: () => current,
  };
}
