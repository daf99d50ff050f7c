import { duplicates } from './declaration-error';
import { parseRoutePath } from './route-path';
import type { ServiceDeclaration } from './service-declaration';

const AUTHORIZER_TTL_S = { min: 0, max: 3600 };

export function routeProblems(service: ServiceDeclaration): string[] {
  const problems: string[] = [];
  const functions = new Set(service.functions.map((f) => f.name));
  const routes = service.routes ?? [];
  for (const key of duplicates(routes.map((r) => `${r.method} ${r.path}`))) {
    problems.push(`duplicate route '${key}'`);
  }
  for (const route of routes) {
    const at = `route '${route.method} ${route.path}'`;
    if (!functions.has(route.function)) problems.push(`${at}: unknown function '${route.function}'`);
    const parsed = parseRoutePath(route.path);
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => `${at}: ${p}`));
    for (const name of Object.keys(route.pathParameters ?? {})) {
      if (parsed.ok && !parsed.parameters.includes(name)) problems.push(`${at}: path parameter '${name}' is not in the path`);
    }
    const statuses = Object.keys(route.responses).map(Number);
    if (statuses.length === 0) problems.push(`${at}: declares no responses`);
    for (const status of statuses) {
      if (!Number.isInteger(status) || status < 100 || status > 599) problems.push(`${at}: invalid status code ${status}`);
    }
    if (route.requestBody && (route.method === 'GET' || route.method === 'DELETE')) {
      problems.push(`${at}: ${route.method} routes take no request body`);
    }
  }
  const { authorizer } = service;
  if (authorizer) {
    if (!functions.has(authorizer.function)) problems.push(`authorizer: unknown function '${authorizer.function}'`);
    const ttl = authorizer.resultTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < AUTHORIZER_TTL_S.min || ttl > AUTHORIZER_TTL_S.max) {
      problems.push(`authorizer: resultTtlSeconds ${ttl} is outside 0–3600`);
    }
  }
  return problems;
}
