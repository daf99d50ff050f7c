import { replay } from '../archive/replay';
import type { Archive, Dispatcher } from '../model';
import type { Replayer } from './replay-request';

/** The default replayer: the delivery side's `replay` over the bus's archive and dispatcher. */
export function archiveReplayer(archive: Archive, dispatcher: Dispatcher): Replayer {
  return (request) =>
    replay({
      archive,
      dispatcher,
      from: request.from,
      to: request.to,
      rules: request.rules,
      replayName: request.name,
      match: request.match,
    });
}
