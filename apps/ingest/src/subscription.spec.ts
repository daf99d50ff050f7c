import { compilePattern } from '@pulse/event-patterns';
import { contracts, DeviceRegisteredV1, DeviceRetiredV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { buildOpenApi, patternFor, validateServices } from '@pulse/service-kit';
import { service } from './service';
import { emits, eventSources, subscriptions } from './subscription';

describe('ingest declaration and contracts', () => {
  it('declares one function per handler, the three routes behind the authorizer, and the Fleets table', () => {
    expect(service.functions.map((f) => f.name)).toEqual([
      'receive-readings', 'authorize-api-key', 'register-device', 'retire-device', 'receive-kinesis-readings', 'receive-s3-readings',
    ]);
    expect(service.routes?.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual([
      'POST /v1/readings apiKey', 'PUT /v1/devices/{deviceId} apiKey', 'DELETE /v1/devices/{deviceId} apiKey',
    ]);
    expect(service.tables?.[0]).toMatchObject({ name: 'Fleets', partitionKey: { name: 'pk' }, globalIndexes: [{ name: 'byFleet' }] });
    expect(() => validateServices([service])).not.toThrow();
    expect(Object.keys(buildOpenApi([service], { title: 'ingest', version: '1' }).paths).sort()).toEqual(['/v1/devices/{deviceId}', '/v1/readings']);
  });

  it('consumes nothing from the bus; its triggers are the routes, the stream and the drop bucket', () => {
    expect(subscriptions).toEqual([]);
    expect(service.eventSources).toBe(eventSources);
    expect(service.eventSources?.map((s) => `${s.kind} ${s.function}`)).toEqual(['kinesis receive-kinesis-readings', 's3 receive-s3-readings']);
    expect(eventSources.find((s) => s.kind === 's3')).toMatchObject({ bucket: 'Drops', prefix: 'incoming/' });
  });

  it.each(emits.map((c) => [c.name, c] as const))('%s: a consumer’s pattern for it admits its sample and no other contract’s', (_, contract) => {
    // Prepare: what transform/enrich subscribe with
    const pattern = compilePattern(patternFor(contract));
    // Act / Assess
    expect(pattern.matches(contract.sample)).toBe(true);
    for (const other of contracts.filter((c) => c.detailType !== contract.detailType)) expect(pattern.matches(other.sample)).toBe(false);
  });

  it('emits exactly the ingest contracts, each with source pulse.ingest', () => {
    expect(emits.map((c) => `${c.source} ${c.detailType}`)).toEqual([
      `pulse.ingest ${ReadingsReceivedV1.detailType}`, `pulse.ingest ${DeviceRegisteredV1.detailType}`, `pulse.ingest ${DeviceRetiredV1.detailType}`,
    ]);
  });
});
