import type { Reading } from '@pulse/schemas';
import type { ApiKeyAuthorizerContext } from '@pulse/service-kit';
import { httpApiEvent } from '@pulse/service-kit/testing';
import { readingsIn } from '../measure/entry-size';
import type { AcceptedEvent } from '../world/bus-recorder';
import type { HostInvocation } from '../world/function-host';
import type { World } from '../world/local-world';

/** Warm-up invocations are real but not measured; the two measured lanes fit cost = fixed + perReading × b. */
export type Lane = 'warmup' | 'batch' | 'single';

export interface StageInput {
  readonly lane: Lane;
  readonly event: unknown;
  readonly readings: number;
  readonly requestBytes?: number;
}

export interface StageInvocation extends StageInput {
  readonly host: HostInvocation;
  readonly published: readonly AcceptedEvent[];
}

/** One hop of the reading path: which function, what it consumes, what it must publish. */
export interface Hop {
  readonly service: string;
  readonly functionName: string;
  /** The detail-type it publishes once per invocation (alert publishes only on a change). */
  readonly publishes?: string;
  /** Problem with a result, or undefined when the invocation did its job. */
  check(result: unknown, input: StageInput): string | undefined;
}

export const READING_PATH: readonly Hop[] = [
  {
    service: 'ingest',
    functionName: 'receive-readings',
    publishes: 'ReadingsReceived',
    check: (result, input) => {
      const response = result as { statusCode?: number; body?: string };
      if (response.statusCode !== 202) return `status ${response.statusCode}: ${response.body ?? ''}`.slice(0, 300);
      const accepted = (JSON.parse(response.body ?? '{}') as { accepted?: number }).accepted;
      return accepted === input.readings ? undefined : `accepted ${accepted} of ${input.readings}`;
    },
  },
  { service: 'transform', functionName: 'normalize-readings', publishes: 'ReadingsNormalized', check: () => undefined },
  { service: 'enrich', functionName: 'enrich-readings', publishes: 'ReadingsEnriched', check: () => undefined },
  { service: 'persist', functionName: 'store-readings', publishes: 'ReadingsStored', check: () => undefined },
  { service: 'alert', functionName: 'evaluate-readings', check: () => undefined },
];

/** POST /v1/readings as API Gateway hands it to ingest behind the API-key authorizer. */
export function readingsRequest(world: World, lane: Lane, readings: readonly Reading[]): StageInput {
  const body = JSON.stringify({ readings });
  const caller: ApiKeyAuthorizerContext = { fleetId: world.fleetId, role: 'ingest' };
  const event = httpApiEvent({ method: 'POST', path: '/v1/readings', body, headers: { 'content-type': 'application/json' }, authorizerContext: caller });
  return { lane, event, readings: readings.length, requestBytes: Buffer.byteLength(body) };
}

/**
 * Runs every input through the hop's warm host, one invocation at a time, recording what each
 * published. Fails on the first invocation that errs or does not do its job: a figure from
 * failed invocations would be a figure of error handling.
 */
export async function runStage(world: World, hop: Hop, inputs: readonly StageInput[], progress: (run: number, of: number) => void): Promise<StageInvocation[]> {
  const host = await world.host(hop.functionName);
  const done: StageInvocation[] = [];
  for (const [i, input] of inputs.entries()) {
    if (i % 10 === 0 || i === inputs.length - 1) progress(i + 1, inputs.length);
    const { value, published } = await world.recorder.during(() => host.invoke(input.event));
    const problem = value.ok ? hop.check(value.result, input) : `${value.error?.name}: ${value.error?.message}`;
    if (problem) throw new Error(`${hop.functionName} (${input.lane}, ${input.readings} readings): ${problem}\n${value.tail.join('\n')}`);
    if (hop.publishes) {
      const out = published.filter((e) => e['detail-type'] === hop.publishes);
      const carried = out.reduce((sum, e) => sum + readingsIn(e), 0);
      if (out.length !== 1 || carried !== input.readings) {
        throw new Error(`${hop.functionName} published ${out.length} ${hop.publishes} event(s) with ${carried} readings for ${input.readings} in`);
      }
    }
    done.push({ ...input, host: value, published });
  }
  return done;
}

/** The next hop's inputs: the events this stage published of `detailType`, lane kept. */
export function nextInputs(stage: readonly StageInvocation[], detailType: string): StageInput[] {
  return stage.flatMap((s) =>
    s.published.filter((e) => e['detail-type'] === detailType).map((event) => ({ lane: s.lane, event, readings: readingsIn(event) })),
  );
}
