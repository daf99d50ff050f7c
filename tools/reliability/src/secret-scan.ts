/** A text that must hold no secret: a log line, a response body, a report object. */
export interface ScannedText {
  /** Where it came from, for the failure message (`function receive-readings`, `POST /v1/readings 400`). */
  readonly source: string;
  readonly text: string;
}

export interface Secret {
  /** What it is, never the value itself: the failure message must not leak it either. */
  readonly name: string;
  readonly value: string;
}

export interface Leak {
  readonly source: string;
  readonly secret: string;
  /** The text around the leak with the secret masked, enough to find the line that wrote it. */
  readonly context: string;
}

/**
 * Every place a secret appears, whole or (for long secrets) by a distinctive part: a JWT's
 * signature or payload, the second half of an API key, so that a log that prints a key cut
 * short or a token split on its dots is caught too.
 */
export function findLeaks(texts: Iterable<ScannedText>, secrets: readonly Secret[]): Leak[] {
  const needles = secrets.map((secret) => ({ name: secret.name, parts: partsOf(secret.value) }));
  const leaks: Leak[] = [];
  for (const { source, text } of texts) {
    for (const { name, parts } of needles) {
      const found = parts.find((part) => text.includes(part));
      if (found === undefined) continue;
      const at = text.indexOf(found);
      const context = parts.reduce((masked, part) => masked.split(part).join('<secret>'), text.slice(Math.max(0, at - 80), at + found.length + 80));
      leaks.push({ source, secret: name, context });
    }
  }
  return leaks;
}

/** The whole value, plus each dot-separated segment and the second half when they are long enough to be telling. */
function partsOf(value: string): string[] {
  const parts = new Set([value]);
  for (const segment of value.split('.')) if (segment.length >= 16) parts.add(segment);
  if (value.length >= 24) parts.add(value.slice(Math.floor(value.length / 2)));
  return [...parts];
}
