import { service as alert } from '@pulse/alert';
import { service as enrich } from '@pulse/enrich';
import { service as ingest } from '@pulse/ingest';
import { service as persist } from '@pulse/persist';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { service as transform } from '@pulse/transform';
import { startHttpApi, type HttpApi, type HttpApiOptions } from '../http-api/http-api';
import type { InvokeOutcome } from '../http-api/invoke-port';
import { createLocalIssuer, type LocalIssuer } from '../issuer/local-issuer';

export const FIVE_SERVICES: readonly ServiceDeclaration[] = [ingest, transform, enrich, persist, alert];

export interface RecordedCall {
  readonly functionName: string;
  readonly event: Record<string, unknown>;
}

export type FakeFunction = (event: Record<string, unknown>) => InvokeOutcome | Promise<InvokeOutcome>;

export interface Harness {
  readonly api: HttpApi;
  readonly issuer: LocalIssuer;
  readonly calls: RecordedCall[];
  callsTo(functionName: string): RecordedCall[];
}

export const allowFleet = (fleetId: string): FakeFunction => () => ({ ok: true, result: { isAuthorized: true, context: { fleetId, role: 'admin' } } });
export const accepted: FakeFunction = () => ({ ok: true, result: { statusCode: 202, body: JSON.stringify({ accepted: 1 }) } });

/** The API over the real declarations, with a fake runner that records every event it gets. */
export async function startHarness(functions: Record<string, FakeFunction>, options: Partial<HttpApiOptions> = {}): Promise<Harness> {
  const issuer = createLocalIssuer();
  const calls: RecordedCall[] = [];
  const api = await startHttpApi({
    services: FIVE_SERVICES,
    issuer,
    invoke: async (functionName, event) => {
      calls.push({ functionName, event: event as Record<string, unknown> });
      const fake = functions[functionName];
      if (!fake) return { ok: false, errorType: 'ResourceNotFoundException', errorMessage: `no fake for ${functionName}` };
      return fake(event as Record<string, unknown>);
    },
    ...options,
  });
  return { api, issuer, calls, callsTo: (name) => calls.filter((c) => c.functionName === name) };
}
