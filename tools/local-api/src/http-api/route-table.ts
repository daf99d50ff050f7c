import type { RouteDeclaration, ServiceDeclaration } from '@pulse/service-kit';

export interface RouteMatch {
  readonly service: ServiceDeclaration;
  readonly route: RouteDeclaration;
  /** 'GET /v1/devices/{deviceId}/readings', as API Gateway names the route. */
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly service: ServiceDeclaration;
  readonly route: RouteDeclaration;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly parameterCount: number;
}

export interface RouteTable {
  match(method: string, path: string): RouteMatch | undefined;
}

/**
 * Every declared route, matched as API Gateway does: the most specific route wins, so
 * literal segments beat `{param}` segments and a greedy `{param+}` comes last.
 */
export function createRouteTable(services: readonly ServiceDeclaration[]): RouteTable {
  const compiled = services.flatMap((service) => (service.routes ?? []).map((route) => compile(service, route)));
  compiled.sort((a, b) => a.parameterCount - b.parameterCount);
  return {
    match(method, path) {
      for (const candidate of compiled) {
        if (candidate.route.method !== method) continue;
        const found = candidate.pattern.exec(path);
        if (!found) continue;
        const pathParameters: Record<string, string> = {};
        candidate.names.forEach((name, i) => (pathParameters[name] = safeDecode(found[i + 1] ?? '')));
        return { service: candidate.service, route: candidate.route, routeKey: `${candidate.route.method} ${candidate.route.path}`, pathParameters };
      }
      return undefined;
    },
  };
}

function compile(service: ServiceDeclaration, route: RouteDeclaration): CompiledRoute {
  const names: string[] = [];
  let weight = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([A-Za-z][A-Za-z0-9_]*)(\+?)\}$/.exec(segment);
      if (!parameter) return escapeRegExp(segment);
      names.push(parameter[1] as string);
      // A greedy parameter is the least specific of all.
      weight += parameter[2] ? 1_000 : 1;
      return parameter[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { service, route, pattern: new RegExp(`^${source}$`), names, parameterCount: weight };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
