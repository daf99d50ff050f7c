/**
 * Where and why a text is not JSON. V8's JSON.parse messages no longer carry a
 * position, so on the (rare) failure path this small scanner walks the grammar again
 * to point a sender at the exact line and column.
 */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const found = (): string => (i < text.length ? `'${text[i]}'` : 'the end of the input');
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected} but found ${found()}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'unterminated string');
      const ch = text[i];
      if (ch === '"') return void i++;
      if (ch.charCodeAt(0) < 0x20) throw new Stop(i, 'control character inside a string (escape it)');
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== 'u' && '"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else throw new Stop(i, 'invalid escape sequence');
      } else i++;
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    const ch = text[i];
    if (ch === '{') return members('}', () => {
      if (text[i] !== '"') fail('a quoted field name');
      string();
      ws();
      if (text[i] !== ':') fail("':'");
      i++;
      ws();
      value();
    });
    if (ch === '[') return members(']', value);
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (NUMBER.test(text) && NUMBER.lastIndex > i) return void (i = NUMBER.lastIndex);
    fail('a JSON value');
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
      } else if (text[i] === close) return void i++;
      else fail(`',' or '${close}'`);
    }
  };
  try {
    ws();
    value();
    ws();
    if (i < text.length) fail('the end of the input after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { ...position(text, error.offset), offset: error.offset, reason: error.reason };
    // Nesting deep enough to exhaust the stack: still report the failure, without a position.
    return { offset: 0, line: 1, column: 1, reason: 'nesting too deep' };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
