/** AWS prefixes every pattern rejection with this text; callers match on it. */
export const PATTERN_ERROR_PREFIX = 'Event pattern is not valid. Reason: ';

/**
 * Thrown for any pattern EventBridge would reject. `reason` is AWS's reason text,
 * `path` is where in the pattern the problem sits (empty for whole-text problems).
 */
export class InvalidEventPatternException extends Error {
  override readonly name = 'InvalidEventPatternException';
  readonly reason: string;
  readonly path: readonly string[];

  constructor(reason: string, path: readonly string[] = []) {
    super(PATTERN_ERROR_PREFIX + reason + (path.length > 0 ? ` (at ${formatPath(path)})` : ''));
    this.reason = reason;
    this.path = path;
  }
}

/** Thrown by testEventPattern when the event text is not an event AWS would accept. */
export class InvalidEventException extends Error {
  override readonly name = 'ValidationException';
  readonly reason: string;

  constructor(reason: string) {
    super(`Parameter Event is not valid. Reason: ${reason}`);
    this.reason = reason;
  }
}

/** Renders a pattern location the way people read it: detail.items[0].state */
export function formatPath(path: readonly string[]): string {
  return path.reduce((out, part) => (part.startsWith('[') ? out + part : out ? `${out}.${part}` : part), '');
}
