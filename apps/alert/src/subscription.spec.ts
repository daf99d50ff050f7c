import { compilePattern } from '@pulse/event-patterns';
import { AQI_CATEGORIES, AlertRaisedV1, AlertResolvedV1, contracts, ReadingsEnrichedV1 } from '@pulse/schemas';
import { EVALUATE_RULE, NOTIFY_ALL_RULE, NOTIFY_WEBHOOK_RULE, PAGE_UNHEALTHY_RULE, subscriptions } from './subscription';

const rule = (name: string) => {
  const subscription = subscriptions.find((s) => s.rule === name);
  if (!subscription) throw new Error(`no rule ${name}`);
  return compilePattern(subscription.pattern);
};

/** The AlertRaised golden sample at another level, as the producer would emit it. */
function raisedAt(level: (typeof AQI_CATEGORIES)[number]) {
  const event = structuredClone(AlertRaisedV1.sample);
  event.detail.data.level = level;
  event.detail.data.severity = AQI_CATEGORIES.indexOf(level);
  return event;
}

const others = (...keep: { name: string }[]) => contracts.filter((c) => !keep.some((k) => k.name === c.name));

describe('subscriptions', () => {
  it('alert-readings-enriched takes every ReadingsEnriched batch and nothing else', () => {
    // Prepare
    const evaluate = rule(EVALUATE_RULE);
    // Act / Assess
    expect(evaluate.matches(ReadingsEnrichedV1.sample)).toBe(true);
    for (const contract of others(ReadingsEnrichedV1)) expect(evaluate.matches(contract.sample)).toBe(false);
  });

  it.each([NOTIFY_ALL_RULE, NOTIFY_WEBHOOK_RULE])('%s takes every AlertRaised and AlertResolved', (name) => {
    // Prepare
    const notify = rule(name);
    // Act / Assess
    for (const level of AQI_CATEGORIES) expect(notify.matches(raisedAt(level))).toBe(true);
    expect(notify.matches(AlertResolvedV1.sample)).toBe(true);
    for (const contract of others(AlertRaisedV1, AlertResolvedV1)) expect(notify.matches(contract.sample)).toBe(false);
  });

  it('alert-page-unhealthy takes AlertRaised at "Unhealthy" or worse only', () => {
    // Prepare
    const page = rule(PAGE_UNHEALTHY_RULE);
    // Act
    const verdicts = Object.fromEntries(AQI_CATEGORIES.map((level) => [level, page.matches(raisedAt(level))]));
    // Assess
    expect(verdicts).toEqual({
      Good: false,
      Moderate: false,
      'Unhealthy for Sensitive Groups': false,
      Unhealthy: true,
      'Very Unhealthy': true,
      Hazardous: true,
    });
    expect(page.matches(AlertRaisedV1.sample)).toBe(true);
    const resolvedUnhealthy = structuredClone(AlertResolvedV1.sample);
    resolvedUnhealthy.detail.data.severity = 4;
    expect(page.matches(resolvedUnhealthy)).toBe(false);
    for (const contract of others(AlertRaisedV1)) expect(page.matches(contract.sample)).toBe(false);
  });
});
