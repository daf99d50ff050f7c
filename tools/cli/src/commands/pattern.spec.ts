import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertRaisedV1 } from '@pulse/schemas';
import { runPulse } from '../testing/run-pulse';
import { PATTERN_EXIT } from './pattern';


const sampleFile = join(mkdtempSync(join(tmpdir(), 'pulse-cli-')), 'alert-raised.json');
writeFileSync(sampleFile, JSON.stringify(AlertRaisedV1.sample));

describe('pulse pattern', () => {
  it('test: explains a match field by field and exits 0', async () => {
    const pattern = JSON.stringify({ source: ['pulse.alert'], 'detail-type': ['AlertRaised'] });
    const result = await runPulse('pattern', 'test', pattern, `@${sampleFile}`);
    expect(result.code).toBe(PATTERN_EXIT.matched);
    expect(result.stdout).toMatch(/^MATCH/);
    expect(result.stdout).toContain('source');
  });

  it('test: names the field that failed and exits 1', async () => {
    const pattern = JSON.stringify({ detail: { data: { level: ['no-such-level'] } } });
    const result = await runPulse('pattern', 'test', pattern, `@${sampleFile}`, '--json');
    expect(result.code).toBe(PATTERN_EXIT.notMatched);
    const explanation = JSON.parse(result.stdout) as { matched: boolean; reasons: { path: string }[] };
    expect(explanation.matched).toBe(false);
    expect(explanation.reasons.map((r) => r.path)).toEqual(['detail.data.level']);
  });

  it('validate: rejects what EventBridge rejects with its exception name and exits 2', async () => {
    const result = await runPulse('pattern', 'validate', '{"detail":{"level":[]}}');
    expect(result.code).toBe(PATTERN_EXIT.invalid);
    expect(result.stderr).toMatch(/^InvalidEventPatternException: .*Empty arrays are not allowed/);
  });
});

describe('pulse events', () => {
  it('list: one line per contract with source, detail-type and version', async () => {
    const result = await runPulse('events', 'list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pulse\.ingest\s+ReadingsReceived\s+v1/);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(8);
  });

  it('show --format registry: a Draft 4 document for the Schema Registry', async () => {
    const result = await runPulse('events', 'show', 'ReadingsStored', '--format', 'registry');
    const document = JSON.parse(result.stdout) as { $schema: string };
    expect(document.$schema).toMatch(/draft-04/);
  });

  it('show: an unknown event fails and lists the known ones', async () => {
    await expect(runPulse('events', 'show', 'Nope')).rejects.toThrow(/known events: .*ReadingsReceived/);
  });
});
