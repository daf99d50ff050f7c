import { compilePattern, type CompiledPattern } from '@pulse/event-patterns';
import type { BusEvent, Delivery, RuleSpec, TargetSpec } from '../model';

interface StoredRule {
  readonly spec: RuleSpec;
  /** Compiled once per pattern text, not per event. */
  readonly pattern: CompiledPattern;
}

/** Every rule on every bus, in creation order, with its compiled pattern. */
export class RuleStore {
  private readonly rules = new Map<string, StoredRule>();

  /** Adds or replaces a rule; compiling throws InvalidEventPatternException for a bad pattern. */
  put(spec: RuleSpec): RuleSpec {
    const previous = this.rules.get(key(spec.busName, spec.name));
    const pattern = previous?.spec.eventPattern === spec.eventPattern ? previous.pattern : compilePattern(spec.eventPattern);
    this.rules.set(key(spec.busName, spec.name), { spec, pattern });
    return spec;
  }

  get(busName: string, name: string): RuleSpec | undefined {
    return this.rules.get(key(busName, name))?.spec;
  }

  /** Rules of one bus, or of all buses, in creation order. */
  list(busName?: string): RuleSpec[] {
    return [...this.rules.values()].map((r) => r.spec).filter((r) => busName === undefined || r.busName === busName);
  }

  delete(busName: string, name: string): boolean {
    return this.rules.delete(key(busName, name));
  }

  update(busName: string, name: string, change: (spec: RuleSpec) => RuleSpec): RuleSpec | undefined {
    const current = this.get(busName, name);
    return current === undefined ? undefined : this.put(change(current));
  }

  setTargets(busName: string, name: string, targets: readonly TargetSpec[]): RuleSpec | undefined {
    return this.update(busName, name, (spec) => ({ ...spec, targets }));
  }

  /** Whether `rule`'s stored pattern matches `event` (false for a rule no longer stored). */
  matches(rule: RuleSpec, event: unknown): boolean {
    return this.rules.get(key(rule.busName, rule.name))?.pattern.matches(event) ?? false;
  }

  /** One delivery per target of every enabled rule on `busName` whose pattern matches `event`. */
  deliveriesFor(busName: string, event: BusEvent): Delivery[] {
    const deliveries: Delivery[] = [];
    for (const { spec, pattern } of this.rules.values()) {
      if (spec.busName !== busName || spec.state !== 'ENABLED') continue;
      if (!pattern.matches(event)) continue;
      for (const target of spec.targets) deliveries.push({ event, ruleName: spec.name, ruleArn: spec.arn, target });
    }
    return deliveries;
  }
}

const key = (busName: string, name: string) => `${busName}\u0000${name}`;
