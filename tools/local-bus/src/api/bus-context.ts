import type { Archive, BusEvent, Dispatcher } from '../model';
import { nameFromArn, type ArnScope } from '../rules/arns';
import type { RuleStore } from '../rules/rule-store';
import type { ArchiveRegistry } from './archive-registry';
import { notFound } from './aws-error';
import type { IdentityMap } from './identity';
import type { Input } from './input';
import type { Replayer } from './replay-request';

/** What every operation works on: one account, one region, the buses and their rules. */
export interface BusContext {
  readonly scope: ArnScope;
  /** Bus names, each with the time it was created (the server start). */
  readonly buses: ReadonlyMap<string, Date>;
  readonly rules: RuleStore;
  readonly identities: IdentityMap;
  readonly dispatcher: Dispatcher;
  readonly archive: Archive;
  readonly archives: ArchiveRegistry;
  readonly replay: Replayer;
  readonly now: () => Date;
  /** Told of every event PutEvents accepted (archived and enqueued), e.g. for /_pulse/tail. */
  readonly onAccepted?: (events: readonly BusEvent[]) => void;
}

/** Who is calling, from the request's SigV4 credential. */
export interface Caller {
  readonly accessKeyId: string | undefined;
}

export type Operation = (input: Input, ctx: BusContext, caller: Caller) => unknown;

/** An EventBusName parameter (name or ARN; AWS's default is the bus named 'default'), checked to exist. */
export function existingBus(ctx: BusContext, nameOrArn: string | undefined): string {
  const name = busName(nameOrArn);
  if (!ctx.buses.has(name)) throw notFound(`Event bus ${name} does not exist.`);
  return name;
}

export function busName(nameOrArn: string | undefined): string {
  if (nameOrArn === undefined || nameOrArn === '') return 'default';
  return nameFromArn(nameOrArn, 'event-bus');
}
