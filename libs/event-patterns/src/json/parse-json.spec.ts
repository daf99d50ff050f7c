import { JsonSyntaxError } from './json-syntax-error';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  test('parses the JSON grammar like JSON.parse', () => {
    // Prepare
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9\\"",{}],"b":{"c":""}}';

    // Act
    const value = parseJson(text);

    // Assess
    expect(value).toEqual(JSON.parse(text));
  });

  test('a repeated key keeps the last value by default', () => {
    // Act
    const value = parseJson('{"a":{"x":[1]},"a":{"y":[2]}}');

    // Assess
    expect(value).toEqual({ a: { y: [2] } });
  });

  test("'merge' combines repeated object keys and keeps the last repeated leaf", () => {
    // Act
    const value = parseJson('{"a":{"x":[1],"z":[0]},"a":{"y":[2],"z":[3]},"b":[1],"b":[2]}', 'merge');

    // Assess
    expect(value).toEqual({ a: { x: [1], z: [3], y: [2] }, b: [2] });
  });

  test('a "__proto__" key stays data', () => {
    // Act
    const value = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;

    // Assess
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  test.each([
    ['nul', "Unrecognized token 'nul': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 1, 4],
    ["{'a': 1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name", 1, 2],
    ['{"a" 1}', "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 1, 6],
    ['[1 2]', "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries", 1, 4],
    ['{"a":1', 'Unexpected end-of-input: expected close marker for Object', 1, 6],
    ['{"a":01}', 'Invalid numeric value', 1, 6],
    ['{}\n x', "Unexpected character ('x' (code 120)): expected end of input", 2, 2],
    ['"a\\x"', "Unrecognized character escape 'x' (code 120)", 1, 4],
    ['', 'Unexpected end-of-input: expected a value', 1, 0],
  ])('rejects %j in Jackson words', (text, description, line, column) => {
    // Act
    const act = () => parseJson(text);

    // Assess
    expect(act).toThrow(JsonSyntaxError);
    expect(act).toThrow(description);
    expect(act).toThrow(`line: ${line}, column: ${column}]`);
  });
});
