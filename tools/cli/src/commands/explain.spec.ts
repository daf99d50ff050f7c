import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { startBusServer, type BusServer } from '@pulse/local-bus';
import { contracts } from '@pulse/schemas';
import { runPulse } from '../testing/run-pulse';
import { withClient } from '../eventbridge-client';
import { DECLARED_SERVICES, declaredRules, EXPLAIN_EXIT, explainEvent, type RuleVerdict } from './explain';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const sample = (name: string) => contracts.find((c) => c.name === name)!.sample;
const dir = mkdtempSync(join(tmpdir(), 'pulse-explain-'));
const enrichedFile = join(dir, 'readings-enriched.json');
writeFileSync(enrichedFile, JSON.stringify(sample('ReadingsEnriched')));

const byRule = (verdicts: readonly RuleVerdict[]) => new Map(verdicts.map((v) => [v.rule, v]));

describe('explainEvent over the declared rules', () => {
  it('ReadingsEnriched reaches persist and alert, and not transform, with the field that decided', () => {
    // Act
    const verdicts = byRule(explainEvent(sample('ReadingsEnriched'), declaredRules()));
    // Assess
    expect(verdicts.get('persist-readings-enriched')).toMatchObject({ matched: true, owner: 'persist', targets: ['function store-readings'] });
    expect(verdicts.get('alert-readings-enriched')).toMatchObject({ matched: true, owner: 'alert', targets: ['function evaluate-readings'] });
    const transform = verdicts.get('transform-readings-received')!;
    expect(transform.matched).toBe(false);
    expect(transform.reasons.map((r) => r.path)).toEqual(['source', 'detail-type']);
    expect(transform.reasons[0]!.message).toBe('source is "pulse.enrich", expected "pulse.ingest"');
  });

  it('covers every subscription of the five services', () => {
    const declared = DECLARED_SERVICES.flatMap((s) => (s.subscriptions ?? []).map((sub) => sub.rule));
    expect(declaredRules().map((r) => r.name)).toEqual(declared);
    expect(DECLARED_SERVICES.map((s) => s.name)).toEqual(['ingest', 'transform', 'enrich', 'persist', 'alert']);
  });

  it('every golden sample that a service consumes is delivered to that rule', () => {
    // Each subscription names the contracts it consumes; their samples must reach it.
    for (const service of DECLARED_SERVICES) {
      for (const subscription of service.subscriptions ?? []) {
        for (const contract of subscription.consumes ?? []) {
          const verdict = byRule(explainEvent(contract.sample, declaredRules())).get(subscription.rule)!;
          expect({ rule: subscription.rule, event: contract.name, matched: verdict.matched }).toEqual({
            rule: subscription.rule,
            event: contract.name,
            matched: true,
          });
        }
      }
    }
  });
});

describe('pulse explain', () => {
  it('prints ✓/✗ per rule with reasons and targets, and exits 0 when some rule matches', async () => {
    const result = await runPulse('explain', enrichedFile);
    expect(result.code).toBe(EXPLAIN_EXIT.matched);
    expect(result.stdout).toContain('✓ persist-readings-enriched [persist] → function store-readings');
    expect(result.stdout).toContain('✗ transform-readings-received [transform] → function normalize-readings');
    expect(result.stdout).toContain('    ✗ source is "pulse.enrich", expected "pulse.ingest"');
    expect(result.stdout).toMatch(/2 of \d+ rules would deliver this event\n$/);
  });

  it('--json: one verdict per rule; exit 1 when no rule matches', async () => {
    // Prepare: ReadingsStored has no subscriber
    const result = await runPulse('explain', `@${writeSample('ReadingsStored')}`, '--json');
    // Assess
    expect(result.code).toBe(EXPLAIN_EXIT.notMatched);
    const verdicts = JSON.parse(result.stdout) as RuleVerdict[];
    expect(verdicts.length).toBe(declaredRules().length);
    expect(verdicts.every((v) => !v.matched && v.reasons.length > 0)).toBe(true);
  });

  it('explains content filters: a severe AlertRaised pages, and says which field decided', async () => {
    const alert = sample('AlertRaised') as { detail: { data: Record<string, unknown> } };
    const mild = { ...alert, detail: { ...alert.detail, data: { ...alert.detail.data, severity: 1 } } };
    const result = await runPulse('explain', JSON.stringify(mild));
    expect(result.stdout).toContain('✗ alert-page-unhealthy');
    expect(result.stdout).toMatch(/✗ detail\.data\.severity .*1/);
    expect(result.stdout).toContain('✓ alert-notify-all');
  });

  it('names an unreadable or malformed event and exits 2', async () => {
    // Prepare
    const arrayFile = join(dir, 'array.json');
    writeFileSync(arrayFile, '[1]');
    // Act
    const missing = await runPulse('explain', join(dir, 'nope.json'));
    const malformed = await runPulse('explain', '{"a":1}x');
    const notObject = await runPulse('explain', `@${arrayFile}`);
    // Assess
    expect(missing.code).toBe(EXPLAIN_EXIT.invalid);
    expect(missing.stderr).toMatch(/cannot read the event '.*nope\.json': ENOENT/);
    expect(malformed.code).toBe(EXPLAIN_EXIT.invalid);
    expect(malformed.stderr).toMatch(/cannot read the event/);
    expect(notObject.code).toBe(EXPLAIN_EXIT.invalid);
    expect(notObject.stderr).toContain('the event must be a JSON object');
  });
});

describe('pulse explain --live', () => {
  let bus: BusServer | undefined;
  afterEach(async () => {
    await bus?.close();
    bus = undefined;
  });

  it("uses the running bus's rules: its extra rules, and declared rules it lacks are flagged", async () => {
    // Prepare: a bus with only persist's rules, plus one rule made through the API
    bus = await startBusServer({
      port: 0,
      log: () => undefined,
      services: DECLARED_SERVICES.filter((s) => s.name === 'persist'),
      dispatcher: { enqueue: async () => undefined },
      archive: { append: async () => undefined, read: emptyArchive },
    });
    const endpoint = { url: bus.endpoint, region: 'us-east-1', origin: 'test' };
    await withClient(endpoint, async (client) => {
      await client.send(new PutRuleCommand({ Name: 'debug-enrich', EventBusName: 'pulse-local', EventPattern: '{"source":["pulse.enrich"]}' }));
      await client.send(
        new PutTargetsCommand({
          Rule: 'debug-enrich',
          EventBusName: 'pulse-local',
          Targets: [{ Id: 'debug-queue', Arn: 'arn:aws:sqs:us-east-1:000000000000:debug-queue' }],
        }),
      );
    });
    // Act
    const result = await runPulse('explain', enrichedFile, '--live', '--endpoint', bus.endpoint);
    // Assess
    expect(result.code).toBe(EXPLAIN_EXIT.matched);
    expect(result.stdout).toContain('✓ persist-readings-enriched [persist, live] → store-readings arn:aws:lambda:us-east-1:000000000000:function:store-readings');
    expect(result.stdout).toContain('✓ alert-readings-enriched [alert, not on the bus]');
    expect(result.stdout).toContain('✓ debug-enrich [live] → debug-queue arn:aws:sqs:us-east-1:000000000000:debug-queue');
  });

  it('says which endpoint it could not reach', async () => {
    const result = await runPulse('explain', enrichedFile, '--live', '--endpoint', 'http://127.0.0.1:1');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:1 \(from --endpoint\): ECONNREFUSED/);
  });
});

/** The bus needs an archive; these tests only read its rules. */
async function* emptyArchive(): AsyncGenerator<never> {
  // nothing is ever archived here
}

function writeSample(name: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(sample(name)));
  return file;
}
