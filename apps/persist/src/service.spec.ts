import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern } from '@pulse/event-patterns';
import { contracts, ReadingsEnrichedV1, ReadingsStoredV1 } from '@pulse/schemas';
import { buildOpenApi, validateServices } from '@pulse/service-kit';
import { service } from './index';

const appRoot = join(__dirname, '..');

describe('persist declaration', () => {
  it('passes the cross-service checks and documents the three read routes', () => {
    // Act
    const doc = buildOpenApi([service], { title: 'persist', version: '1' });

    // Assess
    expect(() => validateServices([service])).not.toThrow();
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/devices/{deviceId}/readings', '/v1/zones', '/v1/zones/{zoneId}/readings']);
    expect(service.routes?.every((r) => r.auth === 'jwt')).toBe(true);
    expect(service.emits).toEqual([ReadingsStoredV1]);
  });

  it('has one build target and one handler file per declared function', () => {
    // Prepare
    const project = JSON.parse(readFileSync(join(appRoot, 'project.json'), 'utf8')) as { targets: Record<string, { options?: { main?: string } }> };

    // Act
    const missing = service.functions.filter(
      (fn) => project.targets[`build-${fn.name}`]?.options?.main !== `apps/persist/${fn.handler}` || !existsSync(join(appRoot, fn.handler)),
    );

    // Assess
    expect(missing).toEqual([]);
  });

  it('keys the Readings table for device time ranges and the sparse zone index, with a TTL', () => {
    // Act
    const readings = service.tables?.find((t) => t.name === 'Readings');

    // Assess
    expect(readings).toMatchObject({
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'ts', type: 'N' },
      globalIndexes: [{ name: 'byZone', partitionKey: { name: 'zoneKey', type: 'S' }, sortKey: { name: 'ts', type: 'N' } }],
      timeToLiveAttribute: 'expiresAt',
    });
    expect(service.tables?.find((t) => t.name === 'ZoneStatus')?.partitionKey.name).toBe('fleetId');
  });
});

describe('persist subscription', () => {
  const [subscription] = service.subscriptions ?? [];
  const pattern = compilePattern(subscription.pattern);

  it('matches the producer’s golden ReadingsEnriched sample and targets store-readings with a DLQ', () => {
    // Act / Assess
    expect(pattern.matches(ReadingsEnrichedV1.sample)).toBe(true);
    expect(subscription).toMatchObject({ rule: 'persist-readings-enriched', target: { kind: 'function', function: 'store-readings' }, deadLetterQueue: 'persist-dlq' });
    expect(subscription.retryPolicy).toEqual({ maximumRetryAttempts: 24, maximumEventAgeSeconds: 7200 });
  });

  it.each(contracts.filter((c) => c !== ReadingsEnrichedV1).map((c) => [c.name, c] as const))('does not match %s', (_name, contract) => {
    // Act / Assess
    expect(pattern.matches(contract.sample)).toBe(false);
  });
});
