import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contracts } from '../src/contracts';
import { checkReleased, listSnapshots, RELEASED_DIR, releaseSnapshots } from './released-snapshots';

describe('release and compat against snapshots', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pulse-schemas-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const writeJson = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value));

  it('releases every contract as <Name>/v<N>/schema.json + sample.json, and compat then passes', () => {
    // Act
    const outcomes = releaseSnapshots(dir, contracts);
    const { checked, findings } = checkReleased(dir, contracts);

    // Assess
    expect(outcomes.map((o) => o.status)).toEqual(contracts.map(() => 'created'));
    expect(listSnapshots(dir).map((s) => `${s.name}/v${s.version}`)).toEqual(contracts.map((c) => `${c.name}/v${c.version}`).sort());
    expect(readJson(join(dir, 'ReadingsReceived', 'v1', 'sample.json'))).toEqual(contracts[0].sample);
    expect([checked, findings]).toEqual([contracts.length, []]);
  });

  it('re-releasing unchanged contracts changes nothing', () => {
    // Prepare
    releaseSnapshots(dir, contracts);

    // Act
    const outcomes = releaseSnapshots(dir, contracts);

    // Assess
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['unchanged']));
  });

  it('fails compat, naming event, version, path and kind, when the released schema had a field the current one lacks', () => {
    // Prepare: simulate a field that existed at release and was since removed
    releaseSnapshots(dir, contracts);
    const path = join(dir, 'ReadingsStored', 'v1', 'schema.json');
    const released = readJson(path);
    released.properties.detail.properties.data.properties.batchSize = { type: 'integer' };
    writeJson(path, released);

    // Act
    const { findings } = checkReleased(dir, contracts);

    // Assess
    expect(findings).toEqual([
      expect.objectContaining({ name: 'ReadingsStored', version: 1, path: 'detail.data.batchSize', kind: 'field-removed' }),
    ]);
  });

  it('refuses to re-release a version with a breaking change and writes nothing', () => {
    // Prepare
    releaseSnapshots(dir, contracts);
    const path = join(dir, 'DeviceRetired', 'v1', 'schema.json');
    const released = readJson(path);
    released.properties.detail.properties.data.properties.reason = { type: 'string' };
    writeJson(path, released);
    const before = readFileSync(path, 'utf8');

    // Act
    const outcomes = releaseSnapshots(dir, contracts);

    // Assess
    expect(outcomes.find((o) => o.name === 'DeviceRetired')?.status).toBe('refused');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('fails compat when a released version disappears or its sample no longer validates', () => {
    // Prepare
    releaseSnapshots(dir, contracts);
    const samplePath = join(dir, 'AlertRaised', 'v1', 'sample.json');
    const sample = readJson(samplePath);
    sample.detail.data.severity = 9;
    writeJson(samplePath, sample);
    const withoutDeviceRetired = contracts.filter((c) => c.name !== 'DeviceRetired');

    // Act
    const { findings } = checkReleased(dir, withoutDeviceRetired);

    // Assess
    expect(findings.map(({ name, kind, path }) => ({ name, kind, path }))).toEqual([
      { name: 'AlertRaised', kind: 'sample-rejected', path: 'detail.data.severity' },
      { name: 'DeviceRetired', kind: 'version-removed', path: '' },
    ]);
  });

  it('the repository’s own released snapshots (if any) are honoured and their samples validate', () => {
    // Act
    const { findings } = checkReleased(RELEASED_DIR, contracts);

    // Assess
    expect(findings).toEqual([]);
  });
});
