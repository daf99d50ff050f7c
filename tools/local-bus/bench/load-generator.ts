/**
 * The load side of latency.bench.ts, in its own process so SDK client work does not share the
 * bus's event loop. Reads its settings from argv[2] (JSON); prints one JSON line of results.
 * Times are absolute milliseconds (performance.timeOrigin + now), comparable across processes.
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ReadingsReceivedV1 } from '@pulse/schemas';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

export interface LoadSettings {
  readonly endpoint: string;
  /** 'rate': open loop at `rate` events/s for `seconds`; 'max': `producers` back-to-back callers for `seconds`. */
  readonly mode: 'rate' | 'max';
  readonly rate: number;
  readonly seconds: number;
  readonly perCall: number;
  readonly producers: number;
}

export interface LoadResult {
  /** [seq, sent at] per event. */
  readonly sent: Array<[number, number]>;
  readonly accepted: number;
  readonly startedAt: number;
  readonly finishedAt: number;
}

const now = () => performance.timeOrigin + performance.now();
const TICK_MS = 5;

const entry = (seq: number): PutEventsRequestEntry => ({
  Source: ReadingsReceivedV1.source,
  DetailType: ReadingsReceivedV1.detailType,
  EventBusName: 'pulse-local',
  // About the size of a small readings batch.
  Detail: JSON.stringify({ seq, metadata: { batchId: `b-${seq}` }, data: { readings: Array.from({ length: 5 }, (_, i) => ({ deviceId: `d-${i}`, pm25: 12.5 + i })) } }),
});

async function main(settings: LoadSettings): Promise<LoadResult> {
  const client = new EventBridgeClient({
    endpoint: settings.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'pulse-ingest', secretAccessKey: 'x' },
    requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: 256 } }),
  });
  const sent: Array<[number, number]> = [];
  let accepted = 0;
  let seq = 0;
  const put = async (count: number) => {
    const seqs = Array.from({ length: count }, () => seq++);
    const at = now();
    for (const s of seqs) sent.push([s, at]);
    const answer = await client.send(new PutEventsCommand({ Entries: seqs.map(entry) }));
    if ((answer.FailedEntryCount ?? 0) > 0) throw new Error(`PutEvents refused entries: ${JSON.stringify(answer.Entries)}`);
    accepted += count;
  };
  const startedAt = now();
  const stopAt = startedAt + settings.seconds * 1_000;
  if (settings.mode === 'rate') {
    // Open loop: each tick sends what the rate owes, whether or not earlier calls answered.
    const total = Math.round(settings.rate * settings.seconds);
    const calls: Promise<void>[] = [];
    while (seq < total) {
      const owed = Math.min(total, Math.floor(((now() - startedAt) / 1_000) * settings.rate));
      while (seq < owed) calls.push(put(Math.min(settings.perCall, total - seq)));
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(calls);
  } else {
    await Promise.all(
      Array.from({ length: settings.producers }, async () => {
        while (now() < stopAt) await put(settings.perCall);
      }),
    );
  }
  const finishedAt = now();
  client.destroy();
  return { sent, accepted, startedAt, finishedAt };
}

main(JSON.parse(process.argv[2] ?? '{}') as LoadSettings).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
