import { JsonSyntaxError, describeChar } from './json-syntax-error';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads the JSON string whose opening quote is at `start`; `end` is just past its closing quote. */
export function readString(text: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let value = '';
  for (;;) {
    const ch = text[i];
    if (ch === undefined) {
      throw new JsonSyntaxError('Unexpected end-of-input: was expecting closing quote for a string value', text, i);
    }
    if (ch === '"') return { value, end: i + 1 };
    if (ch < ' ') {
      const what = `Illegal unquoted character ((CTRL-CHAR, code ${ch.charCodeAt(0)}))`;
      throw new JsonSyntaxError(`${what}: has to be escaped using backslash to be included in string value`, text, i + 1);
    }
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const code = text[i + 1] ?? '';
    const hex = text.slice(i + 2, i + 6);
    if (code in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[code];
      i += 2;
    } else if (code === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else {
      throw new JsonSyntaxError(`Unrecognized character escape ${describeChar(code)}`, text, i + 2);
    }
  }
}
