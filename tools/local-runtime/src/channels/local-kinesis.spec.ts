import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { tempDirectory } from './__fixtures__/channel-harness';
import { startKinesisHarness, STREAM } from './__fixtures__/kinesis-harness';
import { localKinesisClient } from './kinesis-client';
import { startLocalKinesis } from './local-kinesis';

describe('startLocalKinesis (kinesalite in process)', () => {
  it('keeps streams and records on disk across a restart, creating the stream only once', async () => {
    const dir = tempDirectory('kinesalite');
    try {
      // Prepare: a first server on the directory, two records put
      const first = await startKinesisHarness(`${dir.path}/kinesis`);
      await first.put('one', 'two');
      const arn = first.kinesis.streamArn(STREAM);
      await first.close();
      // Act: a second server on the same directory, asked for the same stream
      const second = await startKinesisHarness(`${dir.path}/kinesis`);
      try {
        const { ShardIterator } = await second.client.send(
          new GetShardIteratorCommand({ StreamName: STREAM, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }),
        );
        const { Records = [] } = await second.client.send(new GetRecordsCommand({ ShardIterator }));
        // Assess
        expect(Records.map((record) => Buffer.from(record.Data!).toString())).toEqual(['one', 'two']);
        expect(second.kinesis.streamArn(STREAM)).toBe(arn);
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('creates every listed stream, ACTIVE, with ARNs in the region asked for, bound to loopback', async () => {
    // Act
    const kinesis = await startLocalKinesis({ port: 0, streams: ['a', 'b'], region: 'eu-west-1' });
    const client = localKinesisClient(kinesis.endpoint, 'eu-west-1');
    try {
      const { StreamNames } = await client.send(new ListStreamsCommand({}));
      // Assess
      expect(StreamNames).toEqual(['a', 'b']);
      expect(kinesis.streamArn('a')).toBe('arn:aws:kinesis:eu-west-1:000000000000:stream/a');
      expect(kinesis.endpoint).toBe(`http://127.0.0.1:${kinesis.port}`);
      expect(process.env['AWS_REGION']).not.toBe('eu-west-1');
    } finally {
      client.destroy();
      await kinesis.close();
    }
  });

  it('fails with EADDRINUSE when the port is taken, and leaves the directory usable (and close is idempotent)', async () => {
    const dir = tempDirectory('busy');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      // Act
      const failing = startLocalKinesis({ port, streams: [STREAM], directory: dir.path });
      // Assess
      await expect(failing).rejects.toMatchObject({ code: 'EADDRINUSE' });
      const again = await startLocalKinesis({ port: 0, streams: [STREAM], directory: dir.path });
      await again.close();
      await expect(again.close()).resolves.toBeUndefined();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      dir.remove();
    }
  });
});
