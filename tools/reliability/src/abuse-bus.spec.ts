import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { defaultIdentities, FIVE_SERVICES } from '@pulse/local-bus';
import { SOURCES } from '@pulse/schemas';
import { busClient } from './channel-clients';
import { startRuntimeUnderTest, type RuntimeUnderTest } from './runtime-under-test';

const SERVICES = FIVE_SERVICES.map((service) => service.name) as Array<keyof typeof SOURCES>;
// A detail-type no rule subscribes to: accepted probes go to the archive and nowhere else.
const PROBE = 'ReliabilityProbe';

let under: RuntimeUnderTest;

beforeAll(async () => {
  under = await startRuntimeUnderTest();
}, 60_000);

afterAll(async () => {
  await under?.stop();
}, 30_000);

async function putAs(accessKeyId: string, entries: ReadonlyArray<{ source: string; detailType?: string; detail?: unknown }>) {
  const client = busClient(under.runtime, accessKeyId);
  try {
    return await client.send(
      new PutEventsCommand({
        Entries: entries.map((entry) => ({ Source: entry.source, DetailType: entry.detailType ?? PROBE, Detail: JSON.stringify(entry.detail ?? {}), EventBusName: 'pulse-local' })),
      }),
    );
  } finally {
    client.destroy();
  }
}

describe('the bus lets each service publish only its own source', () => {
  it.each(SERVICES)('pulse-%s: its own source accepted, every other service’s refused with AccessDeniedException', async (caller) => {
    const claimed = SERVICES.map((service) => SOURCES[service]);

    const answer = await putAs(`pulse-${caller}`, claimed.map((source) => ({ source })));

    expect(answer.Entries!.map((entry, i) => [claimed[i], entry.ErrorCode ?? 'accepted'])).toEqual(
      claimed.map((source) => [source, source === SOURCES[caller] ? 'accepted' : 'AccessDeniedException']),
    );
    expect(answer.FailedEntryCount).toBe(SERVICES.length - 1);
  });

  it('a forged ReadingsReceived from transform’s identity reaches no one', async () => {
    const delivered = under.runtime.runner.stats()['normalize-readings']?.invocations ?? 0;
    const seen: string[] = [];
    const stop = under.runtime.bus.bus.onEvent((event) => seen.push(event.source));
    const forged = { metadata: { version: 1 }, data: { fleetId: 'default', channel: 'http', receivedAt: 0, readings: [] } };

    const answer = await putAs('pulse-transform', [{ source: SOURCES.ingest, detailType: 'ReadingsReceived', detail: forged }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();

    expect(answer.Entries![0]!.ErrorCode).toBe('AccessDeniedException');
    expect(answer.Entries![0]!.ErrorMessage).toMatch(/pulse-transform may publish only source pulse\.transform/);
    expect(seen).toEqual([]);
    expect(under.runtime.runner.stats()['normalize-readings']?.invocations ?? 0).toBe(delivered);
  });

  it('the identities the bus enforces are the ones the declarations emit under (the IAM events:source condition is tested in infra)', () => {
    const identities = defaultIdentities();

    for (const service of FIVE_SERVICES) {
      const source = identities[`pulse-${service.name}`];
      expect(source).toBe(SOURCES[service.name as keyof typeof SOURCES]);
      for (const contract of service.emits ?? []) expect({ service: service.name, event: contract.name, source: contract.source }).toEqual({ service: service.name, event: contract.name, source });
    }
  });
});
