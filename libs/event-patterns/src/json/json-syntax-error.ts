/**
 * A JSON syntax error worded like the Jackson errors AWS relays in
 * InvalidEventPatternException, so local and cloud errors read the same.
 */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  readonly line: number;
  readonly column: number;

  /** `position` is the 1-based character position in `text` that Jackson would report. */
  constructor(description: string, text: string, position: number) {
    const before = text.slice(0, Math.max(0, position - 1));
    const line = before.split('\n').length;
    const column = position - (before.lastIndexOf('\n') + 1);
    super(`${description}\n at [Source: (String)"${text}"; line: ${line}, column: ${column}]`);
    this.line = line;
    this.column = column;
  }
}

/** Jackson's rendering of an offending character: ''' (code 39). */
export function describeChar(ch: string): string {
  return `'${ch}' (code ${ch.charCodeAt(0)})`;
}

/** The run of characters Jackson quotes back when a token is not recognised. */
export function invalidToken(text: string, start: number, part: RegExp): string {
  let end = start;
  while (end < text.length && part.test(text[end] as string)) end++;
  return text.slice(start, Math.max(end, start + 1));
}
