// A poller in a process of its own, for the SIGKILL test: argv endpoint, checkpoint file, output file.
// Each delivered record's data is appended to the output file before the invocation answers.
import { appendFileSync } from 'node:fs';
import type { KinesisStreamEvent } from 'aws-lambda';
import { startKinesisPoller } from '../kinesis-poller';
import { kinesisSource, STREAM } from './kinesis-harness';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const [endpoint, checkpointFile, output] = process.argv.slice(2);

startKinesisPoller({
  endpoint,
  streamName: STREAM,
  source: kinesisSource({ batchSize: 10 }),
  functionName: 'receive-kinesis-readings',
  invoke: async (_name, event) => {
    const data = (event as KinesisStreamEvent).Records.map((record) => Buffer.from(record.kinesis.data, 'base64').toString());
    appendFileSync(output, data.map((line) => `${line}\n`).join(''));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { ok: true, result: null, durationMs: 20, coldStart: false };
  },
  deadLetter: () => undefined,
  checkpointFile,
  initialPosition: 'TRIM_HORIZON',
  idlePollMs: 10,
  log: (line) => process.stderr.write(`${line}\n`),
});
