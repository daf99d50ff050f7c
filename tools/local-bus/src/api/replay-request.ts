import type { BusEvent, RuleSpec } from '../model';

/** A StartReplay as the replayer sees it: re-deliver archived events of [from, to) to `rules`. */
export interface ReplayRequest {
  /** Set as `replay-name` on every re-delivered event. */
  readonly name: string;
  readonly archiveName: string;
  readonly from: Date;
  readonly to: Date;
  readonly busName: string;
  /** The rules chosen (Destination.FilterArns, else every rule on the bus), as they are now. */
  readonly rules: readonly RuleSpec[];
  /** The archive's own pattern (if any) and then the rule's compiled pattern. */
  readonly match: (rule: RuleSpec, event: BusEvent) => boolean;
}

/** What a replayer may report back; DescribeReplay shows it as EventLastReplayedTime. */
export interface ReplayOutcome {
  readonly lastReplayedEventTime?: Date;
}

export type Replayer = (request: ReplayRequest) => Promise<ReplayOutcome | void>;
