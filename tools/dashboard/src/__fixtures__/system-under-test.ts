import { FIVE_SERVICES } from '@pulse/local-bus';
import { startDashboard } from '../start-dashboard';
import type { HealthSnapshot } from '../shared/messages';
import { eventually } from './eventually';
import { startFixturePipeline } from './fixture-pipeline';

/** A running Pulse with its dashboard, as the browser tests need it. */
export interface SystemUnderTest {
  readonly dashboardUrl: string;
  readonly apiUrl: string;
  readonly operatorToken: string;
  readonly busEndpoint: string;
  readonly sqsEndpoint: string;
  /** Makes the incident happen (with the runtime: waits until its scenario opened an alert). */
  playIncident(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Today: the fixture pipeline plus `startDashboard`. Once the local runtime lands, this is the
 * one function to replace: start the runtime (incident scenario, compressed time) and return
 * its endpoints; the tests only use what this returns.
 */
export async function startSystemUnderTest(): Promise<SystemUnderTest> {
  const pipeline = await startFixturePipeline();
  try {
    const dashboard = await startDashboard({ ...pipeline, services: FIVE_SERVICES, log: () => undefined });
    // The trace index sees only events put after the dashboard joined the bus's tail.
    await eventually('the dashboard following the bus tail', async () => {
      const health = (await (await fetch(`${dashboard.url}/api/health`)).json()) as HealthSnapshot | null;
      return health?.busConnected === true;
    });
    return {
      dashboardUrl: dashboard.url,
      apiUrl: pipeline.apiUrl,
      operatorToken: pipeline.operatorToken,
      busEndpoint: pipeline.busEndpoint,
      sqsEndpoint: pipeline.sqsEndpoint,
      playIncident: () => pipeline.playIncident(),
      close: async () => {
        await dashboard.close();
        await pipeline.close();
      },
    };
  } catch (error) {
    await pipeline.close();
    throw error;
  }
}
