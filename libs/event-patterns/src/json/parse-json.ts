import { mergeObjects, isJsonObject } from './merge-objects';
import { readString } from './json-string';
import { JsonSyntaxError, describeChar, invalidToken } from './json-syntax-error';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What to do when an object repeats a key. EventBridge flattens a pattern into
 * field paths, so a repeated key holding objects contributes all of its paths
 * ('merge'), while a repeated leaf keeps the last one; events follow JSON.parse.
 */
export type DuplicateKeys = 'merge' | 'last';

/**
 * A strict JSON parser (RFC 8259) that reports errors in the words AWS relays from
 * its Jackson parser, and that lets callers decide how repeated keys combine,
 * which JSON.parse cannot tell us.
 */
export function parseJson(text: string, duplicates: DuplicateKeys = 'last'): JsonValue {
  const parser = new Parser(text, duplicates);
  const value = parser.value();
  parser.end();
  return value;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly duplicates: DuplicateKeys,
  ) {}

  value(): JsonValue {
    const ch = this.peek();
    if (ch === undefined) throw this.fail('Unexpected end-of-input: expected a value', this.at);
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    if (/[A-Za-z]/.test(ch)) return this.keyword();
    throw this.fail(`Unexpected character (${describeChar(ch)}): expected a value`, this.at + 1);
  }

  end(): void {
    const ch = this.peek();
    if (ch !== undefined) {
      throw this.fail(`Unexpected character (${describeChar(ch)}): expected end of input`, this.at + 1);
    }
  }

  private object(): JsonValue {
    const out: Record<string, JsonValue> = {};
    this.at++;
    if (this.peek() === '}') return this.at++, out;
    for (;;) {
      const ch = this.peek();
      if (ch !== '"') {
        if (ch === undefined) throw this.fail('Unexpected end-of-input: expected close marker for Object', this.at);
        throw this.fail(`Unexpected character (${describeChar(ch)}): was expecting double-quote to start field name`, this.at + 1);
      }
      const key = this.string();
      this.expect(':', 'was expecting a colon to separate field name and value');
      this.put(out, key, this.value());
      if (this.close('}', 'Object')) return out;
    }
  }

  private array(): JsonValue {
    const out: JsonValue[] = [];
    this.at++;
    if (this.peek() === ']') return this.at++, out;
    for (;;) {
      out.push(this.value());
      if (this.close(']', 'Array')) return out;
    }
  }

  /** After an entry: true at the closing marker, false after a comma. */
  private close(marker: string, kind: string): boolean {
    const ch = this.peek();
    this.at++;
    if (ch === marker) return true;
    if (ch === ',') return false;
    if (ch === undefined) throw this.fail(`Unexpected end-of-input: expected close marker for ${kind}`, this.at - 1);
    const what = `was expecting comma to separate ${kind} entries`;
    throw this.fail(`Unexpected character (${describeChar(ch)}): ${what}`, this.at);
  }

  private put(out: Record<string, JsonValue>, key: string, value: JsonValue): void {
    const old = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    const merged = this.duplicates === 'merge' && isJsonObject(old) && isJsonObject(value) ? mergeObjects(old, value) : value;
    // Own-property definition keeps a "__proto__" key as data instead of a prototype swap.
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }

  private string(): string {
    const { value, end } = readString(this.text, this.at);
    this.at = end;
    return value;
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    const next = this.text[this.at + (match?.[0].length ?? 0)];
    if (!match || (next !== undefined && /[0-9.eE]/.test(next))) {
      throw this.fail(`Invalid numeric value: ${invalidToken(this.text, this.at, /[-+0-9.eE]/)}`, this.at + 1);
    }
    this.at += match[0].length;
    return Number(match[0]);
  }

  private keyword(): JsonValue {
    const token = invalidToken(this.text, this.at, /[A-Za-z0-9_$]/);
    const known: Record<string, JsonValue> = { true: true, false: false, null: null };
    if (!(token in known)) {
      const expecting = "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
      throw this.fail(`Unrecognized token '${token}': ${expecting}`, this.at + token.length + 1);
    }
    this.at += token.length;
    return known[token] as JsonValue;
  }

  private expect(ch: string, what: string): void {
    const got = this.peek();
    if (got === ch) return void this.at++;
    if (got === undefined) throw this.fail(`Unexpected end-of-input: ${what}`, this.at);
    throw this.fail(`Unexpected character (${describeChar(got)}): ${what}`, this.at + 1);
  }

  /** Skips whitespace and returns the next significant character. */
  private peek(): string | undefined {
    while (WS.has(this.text[this.at] as string)) this.at++;
    return this.text[this.at];
  }

  private fail(message: string, column: number): JsonSyntaxError {
    return new JsonSyntaxError(message, this.text, column);
  }
}
