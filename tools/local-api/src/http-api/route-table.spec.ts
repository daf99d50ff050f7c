import type { RouteDeclaration, ServiceDeclaration } from '@pulse/service-kit';
import { createRouteTable } from './route-table';

const route = (method: RouteDeclaration['method'], path: string, fn: string): RouteDeclaration => ({
  method,
  path,
  auth: 'none',
  function: fn,
  summary: fn,
  responses: { 200: { description: 'ok' } },
});

const service: ServiceDeclaration = {
  name: 'demo',
  functions: [],
  routes: [route('GET', '/v1/files/{key+}', 'greedy'), route('GET', '/v1/devices/{deviceId}', 'one-device'), route('GET', '/v1/devices/me', 'me')],
};

describe('createRouteTable', () => {
  it('prefers literal segments over parameters, and parameters over a greedy one', () => {
    // Prepare
    const table = createRouteTable([service]);

    // Act
    const me = table.match('GET', '/v1/devices/me');
    const device = table.match('GET', '/v1/devices/d%201');
    const file = table.match('GET', '/v1/files/a/b/c.json');

    // Assess
    expect(me?.route.function).toBe('me');
    expect(device).toMatchObject({ routeKey: 'GET /v1/devices/{deviceId}', pathParameters: { deviceId: 'd 1' } });
    expect(file).toMatchObject({ routeKey: 'GET /v1/files/{key+}', pathParameters: { key: 'a/b/c.json' } });
  });

  it('matches neither another method nor a trailing segment', () => {
    // Prepare
    const table = createRouteTable([service]);

    // Act
    const results = [table.match('DELETE', '/v1/devices/d1'), table.match('GET', '/v1/devices/d1/extra'), table.match('GET', '/v1/devices/')];

    // Assess
    expect(results).toEqual([undefined, undefined, undefined]);
  });
});
