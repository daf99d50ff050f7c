import { GetRecordsCommand, GetShardIteratorCommand, type KinesisClient, type _Record } from '@aws-sdk/client-kinesis';
import type { ChannelLog } from './channel-types';
import { isNamed } from './kinesis-client';

export type InitialPosition = 'LATEST' | 'TRIM_HORIZON';

/**
 * Reads one shard forward with GetRecords, from just after a checkpoint or from the initial
 * position. An expired iterator is replaced from the last record read, so nothing is skipped.
 */
export class ShardReader {
  private iterator: string | undefined;
  private lastRead: string | undefined;
  /** The shard was closed (resharded) and every record of it has been read. */
  finished = false;
  private markPositioned: () => void = () => undefined;
  /** Settles once the reader holds its first iterator: from then on LATEST means records put after this. */
  readonly positioned = new Promise<void>((resolve) => (this.markPositioned = resolve));

  constructor(
    private readonly client: KinesisClient,
    private readonly streamName: string,
    readonly shardId: string,
    private checkpoint: string | undefined,
    private readonly initial: InitialPosition,
    private readonly log: ChannelLog,
  ) {}

  async read(limit: number): Promise<_Record[]> {
    if (this.iterator === undefined) {
      this.iterator = await this.newIterator();
      this.markPositioned();
    }
    let answer;
    try {
      answer = await this.client.send(new GetRecordsCommand({ ShardIterator: this.iterator, Limit: limit }));
    } catch (error) {
      if (isNamed(error, 'ExpiredIteratorException')) {
        this.iterator = undefined;
        return [];
      }
      throw error;
    }
    const records = answer.Records ?? [];
    if (records.length > 0) this.lastRead = records[records.length - 1].SequenceNumber;
    this.iterator = answer.NextShardIterator;
    if (this.iterator === undefined) this.finished = true;
    return records;
  }

  private async newIterator(): Promise<string> {
    const after = this.lastRead ?? this.checkpoint;
    if (after !== undefined) {
      try {
        return await this.iteratorOf('AFTER_SEQUENCE_NUMBER', after);
      } catch (error) {
        // A checkpoint from a stream since recreated (kinesalite in memory, or --reset) names no record here.
        if (this.lastRead !== undefined || !isNamed(error, 'InvalidArgumentException')) throw error;
        this.log(`kinesis ${this.streamName} ${this.shardId}: checkpoint ${after} is not in this stream; reading from ${this.initial}`);
        this.checkpoint = undefined;
      }
    }
    return this.iteratorOf(this.initial);
  }

  private async iteratorOf(type: 'AFTER_SEQUENCE_NUMBER' | InitialPosition, sequenceNumber?: string): Promise<string> {
    const { ShardIterator } = await this.client.send(
      new GetShardIteratorCommand({ StreamName: this.streamName, ShardId: this.shardId, ShardIteratorType: type, StartingSequenceNumber: sequenceNumber }),
    );
    if (ShardIterator === undefined) throw new Error(`no shard iterator for ${this.streamName} ${this.shardId}`);
    return ShardIterator;
  }
}
