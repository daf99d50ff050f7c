import { bodyFormat, parseReadingsBody } from './readings-body';
import { MAX_BODY_BYTES } from './limits';

const one = { deviceId: 'sensor-1', timestamp: 1767225600000, measurements: { pm25: 3 } };
const parse = (text: string, type: string | undefined = 'application/json') => parseReadingsBody(text, Buffer.byteLength(text), type);

describe('parseReadingsBody', () => {
  it('reads one reading, { readings: [...] }, a bare array and NDJSON alike', () => {
    // Act
    const results = [
      parse(JSON.stringify(one)),
      parse(JSON.stringify({ readings: [one, one] })),
      parse(JSON.stringify([one])),
      parse(`${JSON.stringify(one)}\n\n${JSON.stringify(one)}\r\n`, 'application/x-ndjson; charset=utf-8'),
    ];
    // Assess
    expect(results.map((r) => (r.ok ? r.readings.length : r.kind))).toEqual([1, 2, 1, 2]);
  });

  it('names line and column of malformed JSON', () => {
    // Act
    const result = parse('{\n  "deviceId": "a",\n  "timestamp": ,\n}');
    // Assess
    expect(result).toMatchObject({ ok: false, kind: 'malformed', issues: [{ rule: 'json', line: 3, column: 16 }] });
  });

  it('names the line of a malformed NDJSON record', () => {
    // Act
    const result = parse(`${JSON.stringify(one)}\n{"deviceId": nope}\n`, 'application/x-ndjson');
    // Assess
    expect(result.ok).toBe(false);
    expect(!result.ok && result.kind === 'malformed' && result.issues[0]).toMatchObject({ path: '[1]', rule: 'json', line: 2 });
  });

  it('refuses other content types (415), too many bytes or readings (413), and empty bodies (400)', () => {
    // Act
    const form = parse('a=1', 'application/x-www-form-urlencoded');
    const bytes = parseReadingsBody('{}', MAX_BODY_BYTES + 1, 'application/json');
    const count = parse(JSON.stringify({ readings: Array.from({ length: 1001 }, () => one) }));
    const empty = parse('  ');
    const none = parse('{"readings":[]}');
    // Assess
    expect([form, bytes, count, empty, none].map((r) => (r.ok ? 'ok' : r.kind))).toEqual([
      'unsupportedMediaType', 'tooLarge', 'tooLarge', 'malformed', 'malformed',
    ]);
  });

  it('rejects a readings field that is not an array, and unknown fields beside it', () => {
    // Act
    const notArray = parse('{"readings": {}}');
    const extra = parse(JSON.stringify({ readings: [one], fleet: 'x' }));
    // Assess
    expect(notArray).toMatchObject({ ok: false, issues: [{ path: 'readings', rule: 'type' }] });
    expect(extra).toMatchObject({ ok: false, issues: [{ path: 'fleet', rule: 'additionalProperties' }] });
  });

  it('rejects forbidden keys before they reach any object spread', () => {
    // Act
    const result = parse('{"readings":[{"deviceId":"a","__proto__":{"x":1}}]}');
    // Assess
    expect(result).toMatchObject({ ok: false, kind: 'malformed', issues: [{ rule: 'forbiddenKey' }] });
  });
});

describe('bodyFormat', () => {
  it('treats a missing content type as JSON and +json types as JSON', () => {
    expect([bodyFormat(undefined), bodyFormat('application/vnd.pulse+json'), bodyFormat('text/plain')]).toEqual(['json', 'json', undefined]);
  });
});
