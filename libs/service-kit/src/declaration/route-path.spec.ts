import { fillRoutePath, parseRoutePath } from './route-path';

describe('parseRoutePath', () => {
  it.each([
    ['/', []],
    ['/v1/readings', []],
    ['/v1/devices/{deviceId}', ['deviceId']],
    ['/v1/devices/{deviceId}/readings', ['deviceId']],
    ['/files/{key+}', ['key']],
  ])('accepts %s', (path, parameters) => {
    // Act
    const result = parseRoutePath(path);

    // Assess
    expect(result).toEqual({ ok: true, parameters });
  });

  it.each([
    ['v1/readings', "must start with '/'"],
    ['/v1/readings/', "trailing '/'"],
    ['/v1//readings', 'empty segment'],
    ['/v1/devices/{id}/x/{id}', 'repeats parameter {id}'],
    ['/v1/{rest+}/x', 'must be the last segment'],
    ['/v1/device-{id}', "invalid segment 'device-{id}'"],
    ['/v1/zones?x=1', 'invalid segment'],
  ])('rejects %s', (path, problem) => {
    // Act
    const result = parseRoutePath(path);

    // Assess
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join(' ')).toContain(problem);
  });
});

describe('fillRoutePath', () => {
  it('substitutes and encodes parameters, leaving unknown ones in place', () => {
    // Act
    const path = fillRoutePath('/v1/devices/{deviceId}/{other}', { deviceId: 'a b/c' });

    // Assess
    expect(path).toBe('/v1/devices/a%20b%2Fc/{other}');
  });
});
