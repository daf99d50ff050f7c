import { parseJson, parseJsonLines } from './parse-json';

describe('parseJson', () => {
  it('returns the value of valid JSON and tolerates a byte-order mark', () => {
    // Act
    const results = [parseJson('{"a":[1,2,{"b":null}]}'), parseJson('\uFEFF{"ok":true}')];

    // Assess
    expect(results).toEqual([
      { ok: true, value: { a: [1, 2, { b: null }] } },
      { ok: true, value: { ok: true } },
    ]);
  });

  it.each([
    ['{"a":}', 1, 6, "expected a JSON value but found '}'"],
    ['{\n  "deviceId": "x",\n  "measurements": {"pm25": 1,, "pm10": 2}\n}', 3, 30, "expected a quoted field name but found ','"],
    ['[1, 2', 1, 6, "expected ',' or ']' but found the end of the input"],
    ['{"a": "unterminated}', 1, 21, 'unterminated string'],
    ["{'a': 1}", 1, 2, "expected a quoted field name but found '''"],
    ['{"a": 1} {"b": 2}', 1, 10, 'expected the end of the input after the JSON value'],
    ['{"a": 01}', 1, 8, "expected ',' or '}' but found '1'"],
    ['', 1, 1, 'expected a JSON value but found the end of the input'],
  ])('reports malformed %j at line %i, column %i', (text, line, column, reason) => {
    // Act
    const result = parseJson(text);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '', rule: 'json', line, column, message: expect.stringContaining(`line ${line}, column ${column}`) }],
    });
    expect(result.ok ? '' : result.errors[0].message).toContain(reason);
  });

  it('rejects __proto__, constructor and prototype keys wherever they are, without polluting', () => {
    // Prepare
    const text = '{"__proto__":{"polluted":1},"readings":[{"m":{"constructor":{"prototype":{"x":1}}}}],"prototype":2}';

    // Act
    const result = parseJson(text);

    // Assess
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.rule])).toEqual([
      ['__proto__', 'forbiddenKey'],
      ['readings[0].m.constructor', 'forbiddenKey'],
      ['prototype', 'forbiddenKey'],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseJsonLines', () => {
  it('parses one value per non-blank line, accepting CRLF endings', () => {
    // Act
    const result = parseJsonLines('{"a":1}\r\n\n  \n{"b":2}\n');

    // Assess
    expect(result).toEqual({ ok: true, value: [{ a: 1 }, { b: 2 }] });
  });

  it('reports each bad record with its index and its line in the file', () => {
    // Prepare
    const text = '{"a":1}\n\n{"b":\n{"constructor":1}\n[1]';

    // Act
    const result = parseJsonLines(text);

    // Assess
    expect(result.ok ? [] : result.errors.map(({ path, rule, line }) => ({ path, rule, line }))).toEqual([
      { path: '[1]', rule: 'json', line: 3 },
      { path: '[2].constructor', rule: 'forbiddenKey', line: 4 },
    ]);
  });
});
