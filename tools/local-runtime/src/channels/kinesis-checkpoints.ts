import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChannelLog } from './channel-types';

interface CheckpointFile {
  readonly version: 1;
  readonly streamName: string;
  /** Shard id → sequence number of the last record processed (or given up on). */
  readonly shards: Record<string, string>;
}

/**
 * The poller's position per shard. Written whole after every advance as a temp file renamed over
 * the old one, so a kill at any moment leaves the previous or the new checkpoint, never a torn one.
 */
export class CheckpointStore {
  private readonly shards: Record<string, string> = {};

  constructor(
    private readonly file: string | undefined,
    private readonly streamName: string,
    private readonly log: ChannelLog,
  ) {
    if (file !== undefined) Object.assign(this.shards, this.read(file));
  }

  get(shardId: string): string | undefined {
    return this.shards[shardId];
  }

  snapshot(): Record<string, string> {
    return { ...this.shards };
  }

  set(shardId: string, sequenceNumber: string): void {
    this.shards[shardId] = sequenceNumber;
    this.save();
  }

  save(): void {
    if (this.file === undefined) return;
    const body: CheckpointFile = { version: 1, streamName: this.streamName, shards: this.shards };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, `${JSON.stringify(body, null, 2)}\n`);
      renameSync(temp, this.file);
    } catch (error) {
      // The position in memory still advances; after a restart the stale file only means redelivery.
      this.log(`kinesis ${this.streamName}: checkpoint not saved to ${this.file}: ${(error as Error).message}`);
    }
  }

  private read(file: string): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<CheckpointFile>;
      if (parsed.streamName !== this.streamName) {
        this.log(`kinesis ${this.streamName}: ${file} holds checkpoints of stream ${String(parsed.streamName)}; ignored`);
        return {};
      }
      return Object.fromEntries(Object.entries(parsed.shards ?? {}).filter(([, sequence]) => typeof sequence === 'string'));
    } catch {
      this.log(`kinesis ${this.streamName}: ${file} is not a checkpoint file; starting from the initial position`);
      return {};
    }
  }
}
