import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { service } from '@pulse/ingest';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { runPulse } from '../testing/run-pulse';
import { dynamoEndpoint } from './fleets';


describe('pulse fleets / pulse keys against dynalite', () => {
  let dynamo: LocalDynamoDb;
  let target: string[];

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    const tables = await dynamo.createTables(service.tables ?? []);
    target = ['--endpoint', dynamo.endpoint, '--table', tables.Fleets];
  });
  afterAll(() => dynamo.close());

  it('creates a fleet, issues a key printed once, rotates it with an overlap and revokes it', async () => {
    // Act
    const created = await runPulse('fleets', 'create', 'city-cli', ...target);
    const again = await runPulse('fleets', 'create', 'city-cli', ...target);
    const issued = await runPulse('keys', 'create', '--fleet', 'city-cli', '--role', 'admin', ...target);
    const keyId = /key id ([0-9a-f]{12})/.exec(issued.stderr)?.[1] ?? '';
    const rotated = await runPulse('keys', 'rotate', '--fleet', 'city-cli', '--key-id', keyId.slice(0, 6), '--overlap-hours', '2', ...target);
    const newKeyId = /key id ([0-9a-f]{12})/.exec(rotated.stderr)?.[1] ?? '';
    const revoked = await runPulse('keys', 'revoke', '--fleet', 'city-cli', '--key-id', newKeyId, ...target);
    const listed = await runPulse('keys', 'list', '--fleet', 'city-cli', ...target);
    // Assess
    expect(created.stdout).toBe('fleet city-cli created\n');
    expect(again.stdout).toBe('fleet city-cli already exists\n');
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^pulse_[A-Za-z0-9_-]{43}\n$/);
    expect(rotated.stdout).toMatch(/^pulse_/);
    expect(rotated.stdout).not.toBe(issued.stdout);
    expect(rotated.stderr).toMatch(new RegExp(`key ${keyId} stays valid until`));
    expect(revoked.stdout).toBe(`key ${newKeyId} revoked\n`);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(listed.stdout).toMatch(new RegExp(`${keyId}\\s+admin\\s+expires`));
    expect(listed.stdout).toMatch(new RegExp(`${newKeyId}\\s+admin\\s+revoked`));
    expect(listed.stdout).not.toContain(issued.stdout.trim());
  });

  it('fails with a message for an unknown fleet or role', async () => {
    // Act / Assess
    await expect(runPulse('keys', 'create', '--fleet', 'nowhere', ...target)).rejects.toThrow(/no fleet 'nowhere'/);
    await expect(runPulse('keys', 'create', '--fleet', 'city-cli', '--role', 'root', ...target)).rejects.toThrow(/--role must be one of ingest\|admin/);
  });

  it('has --help on every subcommand', async () => {
    for (const args of [['fleets', 'create'], ['keys', 'create'], ['keys', 'rotate'], ['keys', 'revoke'], ['keys', 'list']]) {
      const result = await runPulse(...args, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Usage: pulse ${args.join(' ')}`));
      expect(result.stdout).toContain('--endpoint');
    }
  });
});

describe('dynamoEndpoint', () => {
  it('prefers --endpoint, then AWS_ENDPOINT_URL_DYNAMODB, then .local/endpoints.json', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'pulse-root-'));
    mkdirSync(join(root, '.local'));
    writeFileSync(join(root, '.local', 'endpoints.json'), JSON.stringify({ dynamodb: 'http://127.0.0.1:8000' }));
    // Act / Assess
    expect(dynamoEndpoint({ endpoint: 'http://a' }, { AWS_ENDPOINT_URL_DYNAMODB: 'http://b' }, root)).toBe('http://a');
    expect(dynamoEndpoint({}, { AWS_ENDPOINT_URL_DYNAMODB: 'http://b' }, root)).toBe('http://b');
    expect(dynamoEndpoint({}, {}, root)).toBe('http://127.0.0.1:8000');
    expect(dynamoEndpoint({}, {}, tmpdir())).toBeUndefined();
  });
});
