import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareContracts, type CompatIssue } from '../src/compat';
import type { EventContract } from '../src/envelope';
import { toRegistrySchema, type RegistrySchema } from '../src/registry-schema';

/**
 * Released snapshots: released/<Name>/v<N>/schema.json (the registry document) and
 * sample.json (the golden sample at release time). They are committed, so CI can tell
 * whether today's schema still accepts what consumers were promised.
 */
export const RELEASED_DIR = resolve(__dirname, '..', 'released');

export interface ReleasedFinding extends Omit<CompatIssue, 'kind'> {
  name: string;
  version: number;
  kind: CompatIssue['kind'] | 'version-removed' | 'sample-rejected';
}

export interface ReleaseOutcome {
  name: string;
  version: number;
  status: 'created' | 'updated' | 'unchanged' | 'refused';
  issues: CompatIssue[];
}

const snapshotDir = (dir: string, name: string, version: number) => join(dir, name, `v${version}`);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/**
 * Writes a snapshot for every contract. Re-releasing a version is allowed only for an
 * additive change; a breaking one is refused (it must ship as a new version).
 */
export function releaseSnapshots(dir: string, contracts: readonly EventContract<unknown>[]): ReleaseOutcome[] {
  const plans = contracts.map((contract) => {
    const target = snapshotDir(dir, contract.name, contract.version);
    const schema = toRegistrySchema(contract);
    const schemaPath = join(target, 'schema.json');
    const previous = existsSync(schemaPath) ? (readJson(schemaPath) as RegistrySchema) : undefined;
    const issues = previous ? compareContracts(previous, schema) : [];
    const unchanged = previous !== undefined && json(previous) === json(schema);
    const status: ReleaseOutcome['status'] = issues.length > 0 ? 'refused' : previous === undefined ? 'created' : unchanged ? 'unchanged' : 'updated';
    return { contract, target, schema, outcome: { name: contract.name, version: contract.version, status, issues } };
  });
  // All or nothing: a refused contract leaves every snapshot as it was.
  if (plans.every((p) => p.outcome.status !== 'refused')) {
    for (const { contract, target, schema } of plans) {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, 'schema.json'), json(schema));
      writeFileSync(join(target, 'sample.json'), json(contract.sample));
    }
  }
  return plans.map((p) => p.outcome);
}

/** Compares every released snapshot in `dir` with the current contracts. */
export function checkReleased(dir: string, contracts: readonly EventContract<unknown>[]): { checked: number; findings: ReleasedFinding[] } {
  const findings: ReleasedFinding[] = [];
  let checked = 0;
  for (const { name, version, path } of listSnapshots(dir)) {
    checked++;
    const at = { name, version };
    const current = contracts.find((c) => c.name === name && c.version === version);
    if (!current) {
      findings.push({ ...at, path: '', kind: 'version-removed', message: 'released version no longer defined; archived events and consumers still use it' });
      continue;
    }
    const released = readJson(join(path, 'schema.json')) as RegistrySchema;
    findings.push(...compareContracts(released, toRegistrySchema(current)).map((issue) => ({ ...at, ...issue })));
    const samplePath = join(path, 'sample.json');
    if (existsSync(samplePath)) {
      const sample = readJson(samplePath) as { detail?: unknown };
      const result = current.validate(sample.detail);
      if (!result.ok) {
        for (const e of result.errors) {
          findings.push({ ...at, path: `detail.${e.path}`, kind: 'sample-rejected', message: `released sample rejected: ${e.message}` });
        }
      }
    }
  }
  return { checked, findings };
}

export function listSnapshots(dir: string): { name: string; version: number; path: string }[] {
  if (!existsSync(dir)) return [];
  const out: { name: string; version: number; path: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const eventDir = join(dir, name);
    if (!statSync(eventDir).isDirectory()) continue;
    for (const entry of readdirSync(eventDir).sort()) {
      const match = /^v(\d+)$/.exec(entry);
      if (match && existsSync(join(eventDir, entry, 'schema.json'))) {
        out.push({ name, version: Number(match[1]), path: join(eventDir, entry) });
      }
    }
  }
  return out;
}

/** `--name value` or `--name=value`. */
export function argument(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}
