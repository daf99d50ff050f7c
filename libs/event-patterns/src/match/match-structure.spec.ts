import { compilePattern, matchesPattern } from '../index';

describe('arrays of objects', () => {
  const pattern = compilePattern({ detail: { items: { sku: ['A'], qty: [{ numeric: ['>', 1] }] } } });

  test('fields matched in one element match', () => {
    // Act
    const matched = pattern.matches({ detail: { items: [{ sku: 'B', qty: 5 }, { sku: 'A', qty: 2 }] } });

    // Assess
    expect(matched).toBe(true);
  });

  test('fields matched in different elements do not combine into a match', () => {
    // Act
    const matched = pattern.matches({ detail: { items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] } });

    // Assess
    expect(matched).toBe(false);
  });

  test('nested arrays keep each inner element whole', () => {
    // Prepare
    const nested = compilePattern({ a: { b: { c: ['1'], d: ['2'] } } });

    // Act / Assess
    expect(nested.matches({ a: [{ b: [{ c: '1', d: 'x' }, { c: '1', d: '2' }] }] })).toBe(true);
    expect(nested.matches({ a: [{ b: [{ c: '1' }] }, { b: [{ d: '2' }] }] })).toBe(false);
  });

  test('a dotted key reads through the same element as its siblings', () => {
    // Prepare
    const dotted = compilePattern({ 'items.sku': ['A'], items: { qty: [2] } });

    // Act / Assess
    expect(dotted.matches({ items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }] })).toBe(false);
    expect(dotted.matches({ items: [{ sku: 'A', qty: 2 }] })).toBe(true);
  });

  test('exists: false holds in an element without the field', () => {
    // Prepare
    const absent = compilePattern({ items: { sku: ['A'], discontinued: [{ exists: false }] } });

    // Act / Assess
    expect(absent.matches({ items: [{ sku: 'A', discontinued: true }, { sku: 'A' }] })).toBe(true);
    expect(absent.matches({ items: [{ sku: 'A', discontinued: true }] })).toBe(false);
  });
});

describe('$or', () => {
  const pattern = compilePattern({
    source: ['pulse.alert'],
    detail: {
      $or: [
        { level: ['Hazardous'] },
        { $or: [{ aqi: [{ numeric: ['>=', 300] }] }, { tags: [{ prefix: 'urgent' }] }] },
      ],
    },
  });

  test.each([
    ['first alternative', { level: 'Hazardous' }, true],
    ['nested first alternative', { aqi: 301 }, true],
    ['nested second alternative', { tags: ['x', 'urgent:smoke'] }, true],
    ['no alternative', { level: 'Good', aqi: 12 }, false],
  ])('%s', (_name, detail, expected) => {
    // Act
    const matched = pattern.matches({ source: 'pulse.alert', detail });

    // Assess
    expect(matched).toBe(expected);
  });

  test('alternatives are ANDed with the fields beside them', () => {
    // Act
    const matched = pattern.matches({ source: 'pulse.ingest', detail: { level: 'Hazardous' } });

    // Assess
    expect(matched).toBe(false);
  });

  test('an $or under an event array is decided within one element', () => {
    // Prepare
    const inArray = compilePattern({ items: { kind: ['x'], $or: [{ a: ['1'] }, { b: ['2'] }] } });

    // Act / Assess
    expect(inArray.matches({ items: [{ kind: 'x' }, { b: '2' }] })).toBe(false);
    expect(inArray.matches({ items: [{ kind: 'y', a: '1' }, { kind: 'x', b: '2' }] })).toBe(true);
  });

  test('an "$or" holding plain values is an ordinary field name', () => {
    // Act
    const matched = matchesPattern({ $or: ['a'] }, { $or: 'a' });

    // Assess
    expect(matched).toBe(true);
  });
});

describe('keys', () => {
  test('a dotted pattern key addresses nested event fields', () => {
    // Act
    const matched = matchesPattern({ 'detail.data.level': ['Good'] }, { detail: { data: { level: 'Good' } } });

    // Assess
    expect(matched).toBe(true);
  });

  test('keys shared with Object.prototype are read from the event only', () => {
    // Prepare
    const pattern = compilePattern({ constructor: [{ exists: false }], toString: [{ exists: true }] });

    // Act / Assess
    expect(pattern.matches({ toString: 'x' })).toBe(true);
    expect(pattern.matches({})).toBe(false);
  });

  test('events that are not objects match only absence', () => {
    // Act / Assess
    expect(matchesPattern({ a: [{ exists: false }] }, 'text')).toBe(true);
    expect(matchesPattern({ a: ['x'] }, null)).toBe(false);
  });
});
