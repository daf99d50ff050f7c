import { dynamoItemBytes, projected, writeUnitsFor } from './dynamodb-item-size';

describe('dynamoItemBytes', () => {
  it('counts names, UTF-8 strings, numbers by significant digits, booleans and nulls', () => {
    // pk(2) + 'a#b'(3) | ts(2) + 1714564800000 (8 significant digits → 1 + 4) | ok(2) + 1 | no(2) + 1 | é(2 bytes) + 'é'(2)
    expect(dynamoItemBytes({ pk: 'a#b', ts: 1714564800000, ok: true, no: null, é: 'é' })).toBe(5 + 7 + 3 + 3 + 4);
  });

  it('counts a map as 3 bytes plus, per element, its name, 1 byte and its value; a list likewise without names', () => {
    // m(1) + [3 + (x 1 + 1 + 2)] ; l(1) + [3 + (1 + 2) + (1 + 2)]
    expect(dynamoItemBytes({ m: { x: 5 }, l: [1, 2] })).toBe(1 + 7 + 1 + 9);
  });

  it('ignores undefined attributes', () => {
    expect(dynamoItemBytes({ a: 'x', b: undefined })).toBe(2);
  });
});

describe('writeUnitsFor / projected', () => {
  it('bills one unit per started KB, at least one', () => {
    expect([writeUnitsFor(0), writeUnitsFor(1024), writeUnitsFor(1025)]).toEqual([1, 1, 2]);
  });

  it('keeps only the projected attributes that exist', () => {
    expect(projected({ pk: 'p', ts: 1, aqi: 3, other: 4 }, ['pk', 'ts', 'zoneKey', 'aqi'])).toEqual({ pk: 'p', ts: 1, aqi: 3 });
  });
});
