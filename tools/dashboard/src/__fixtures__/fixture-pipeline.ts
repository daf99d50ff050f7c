import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { createLocalIssuer } from '@pulse/local-api';
import { DEFAULT_BUS_NAME, DEFAULT_REGION, FIVE_SERVICES, startLocalBus } from '@pulse/local-bus';
import { calmCity, FLEET, INCIDENT_ZONE, pm25Aqi, reading, type AlertBody, type City } from './city-data';
import { incidentEvents } from './incident-events';
import { startReadApiStandIn } from './read-api-stand-in';

// The SDK warns once per process that Node 20 support ends; tests stay quiet.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/** What the dashboard needs from a running Pulse: the local runtime's endpoints.json, in short. */
export interface FixturePipeline {
  readonly apiUrl: string;
  readonly operatorToken: string;
  readonly busEndpoint: string;
  readonly sqsEndpoint: string;
  /**
   * The incident scenario: one zone's readings cross "Unhealthy", an alert opens, and that
   * reading's five events (received → normalized → enriched → stored → alert raised) go on the bus.
   */
  playIncident(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Real parts where they exist: the local bus with the five services' rules and DLQs (no
 * runner, so function targets fail into their DLQs after their retries, as they would with
 * unbuilt bundles), the real local issuer minting the operator token, real EventBridge
 * clients putting contract events. The read API is the one stand-in (read-api-stand-in.ts).
 * It serves the server-level tests (start-dashboard.spec.ts), which need pages cut small, a bad
 * token and dead letters on demand; the browser tests run against the real local runtime
 * (tools/dashboard-e2e).
 */
export async function startFixturePipeline(): Promise<FixturePipeline> {
  const now = Date.now();
  const issuer = createLocalIssuer();
  let city: City = calmCity(now);
  const bus = await startLocalBus({ services: FIVE_SERVICES, timeScale: 3_600, log: () => undefined });
  const api = await startReadApiStandIn({ issuer, fleet: FLEET, city }).catch(async (error: unknown) => {
    await bus.close();
    throw error;
  });
  const clients = new Map<string, EventBridgeClient>();
  const clientFor = (source: string) => {
    const service = source.replace(/^pulse\./, '');
    let client = clients.get(service);
    if (!client) {
      // Each service calls the bus with its own access key id, which limits it to its source.
      client = new EventBridgeClient({ endpoint: bus.busEndpoint, region: DEFAULT_REGION, credentials: { accessKeyId: `pulse-${service}`, secretAccessKey: 'local' } });
      clients.set(service, client);
    }
    return client;
  };

  return {
    apiUrl: api.url,
    operatorToken: issuer.mint({ fleet: FLEET }),
    busEndpoint: bus.busEndpoint,
    sqsEndpoint: bus.sqsEndpoint,
    async playIncident() {
      const at = Date.now();
      const spike = [45, 70, 95].map((pm25, i) => reading(INCIDENT_ZONE, 1, at - (3 - i) * 40_000, pm25, 30));
      const trigger = spike.at(-1)!;
      const alert: AlertBody = {
        alertId: `${FLEET}:zone-aqi:${INCIDENT_ZONE}:${spike[0]!.ts}`,
        kind: 'zone-aqi',
        fleetId: FLEET,
        zoneId: INCIDENT_ZONE,
        status: 'open',
        level: pm25Aqi(trigger.measurements['pm25']!).category,
        severity: 3,
        aqi: trigger.aqi!.value,
        dominant: 'pm25',
        firstTs: spike[1]!.ts,
        lastTs: trigger.ts,
        readingIds: spike.slice(1).map((r) => r.readingId),
        raisedAt: trigger.storedAt + 200,
      };
      city = { readings: [...city.readings, ...spike], alerts: [alert, ...city.alerts] };
      api.update(city);
      for (const { contract, detail } of incidentEvents(FLEET, trigger, alert)) {
        const answer = await clientFor(contract.source).send(
          new PutEventsCommand({ Entries: [{ Source: contract.source, DetailType: contract.detailType, Detail: JSON.stringify(detail), EventBusName: DEFAULT_BUS_NAME }] }),
        );
        if (answer.FailedEntryCount) throw new Error(`the bus refused ${contract.name}: ${JSON.stringify(answer.Entries)}`);
      }
    },
    async close() {
      for (const client of clients.values()) client.destroy();
      await api.close();
      await bus.close();
    },
  };
}
