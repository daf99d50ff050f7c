import { compilePattern, matchesPattern } from '../index';

describe('exact values', () => {
  test.each([
    ['string', ['a'], 'a', true],
    ['string is case sensitive', ['a'], 'A', false],
    ['empty string', [''], '', true],
    ['empty string is not missing', [''], undefined, false],
    ['null', [null], null, true],
    ['null is not missing', [null], undefined, false],
    ['null is not the string "null"', [null], 'null', false],
    ['boolean', [true], true, true],
    ['boolean is not its string', [true], 'true', false],
    ['any of several values', ['a', 'b', 3], 3, true],
    ['none of several values', ['a', 'b', 3], 'c', false],
    ['event array overlaps', ['a', 'b'], ['x', 'b'], true],
    ['event array without overlap', ['a', 'b'], ['x', 'y'], false],
    ['nested event arrays are flattened', ['b'], [['x'], ['b']], true],
    ['an object is not a value', ['a'], { a: 'a' }, false],
  ])('%s', (_name, values, actual, expected) => {
    // Prepare
    const pattern = compilePattern({ detail: { field: values } });

    // Act
    const matched = pattern.matches({ detail: actual === undefined ? {} : { field: actual } });

    // Assess
    expect(matched).toBe(expected);
  });
});

describe('string operators', () => {
  test.each([
    [{ prefix: 'us-' }, 'us-east-1', true],
    [{ prefix: 'us-' }, 'eu-west-1', false],
    [{ prefix: { 'equals-ignore-case': 'EventB' } }, 'eventbridge', true],
    [{ prefix: { 'equals-ignore-case': 'EventB' } }, 'event', false],
    [{ suffix: '.png' }, 'a.png', true],
    [{ suffix: '.png' }, 'a.PNG', false],
    [{ suffix: { 'equals-ignore-case': '.png' } }, 'a.PNG', true],
    [{ 'equals-ignore-case': 'alice' }, 'ALICE', true],
    [{ 'equals-ignore-case': 'alice' }, 'alicia', false],
    [{ 'equals-ignore-case': 'straße' }, 'STRASSE', false],
    [{ prefix: '1' }, 12, false],
    [{ 'equals-ignore-case': 'true' }, true, false],
  ])('%j against %j is %s', (operator, value, expected) => {
    // Act
    const matched = matchesPattern({ f: [operator] }, { f: value });

    // Assess
    expect(matched).toBe(expected);
  });
});

describe('anything-but', () => {
  test.each([
    ['a listed string', { 'anything-but': ['a', 'b'] }, 'b', false],
    ['an unlisted string', { 'anything-but': ['a', 'b'] }, 'c', true],
    ['a number spelled differently', { 'anything-but': 100 }, 1e2, false],
    ['a string that looks like the number', { 'anything-but': 100 }, '100', true],
    ['null', { 'anything-but': 'a' }, null, true],
    ['an event array with one unlisted value', { 'anything-but': 'a' }, ['a', 'b'], true],
    ['an event array of only listed values', { 'anything-but': 'a' }, ['a', 'a'], false],
    ['a prefix it excludes', { 'anything-but': { prefix: 'aws.' } }, 'aws.ec2', false],
    ['a suffix it excludes', { 'anything-but': { suffix: ['.png', '.jpg'] } }, 'x.jpg', false],
    ['a case variant it excludes', { 'anything-but': { 'equals-ignore-case': 'Stopped' } }, 'STOPPED', false],
    ['a wildcard it excludes', { 'anything-but': { wildcard: '*/lib/*' } }, 'a/lib/b', false],
    ['a string outside the wildcard', { 'anything-but': { wildcard: '*/lib/*' } }, 'a/src/b', true],
  ])('%s', (_name, operator, value, expected) => {
    // Act
    const matched = matchesPattern({ f: [operator] }, { f: value });

    // Assess
    expect(matched).toBe(expected);
  });

  test('a missing field matches no anything-but', () => {
    // Act
    const matched = matchesPattern({ f: [{ 'anything-but': 'x' }] }, {});

    // Assess
    expect(matched).toBe(false);
  });
});

describe('exists', () => {
  test.each([
    ['true on a string', true, { f: 'x' }, true],
    ['true on null', true, { f: null }, true],
    ['true on a missing field', true, {}, false],
    ['true on an object, which is not a leaf', true, { f: { g: 1 } }, false],
    ['true on an empty array', true, { f: [] }, false],
    ['false on a missing field', false, {}, true],
    ['false on an object, which is not a leaf', false, { f: { g: 1 } }, true],
    ['false on a value', false, { f: 0 }, false],
    ['false where a parent is a string', false, { parent: 'x' }, true],
  ])('%s', (_name, exists, event, expected) => {
    // Prepare
    const path = 'parent' in event ? { parent: { f: [{ exists }] } } : { f: [{ exists }] };

    // Act
    const matched = matchesPattern(path, event);

    // Assess
    expect(matched).toBe(expected);
  });
});
