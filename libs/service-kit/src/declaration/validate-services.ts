import { duplicates, ServiceDeclarationError } from './declaration-error';
import type { ServiceDeclaration } from './service-declaration';

/**
 * Checks that hold across services (what CDK composition and the local runtime assume):
 * one declaration per service, one owner per route, rule and emitted event, and an
 * API-key authorizer somewhere when a route needs one.
 */
export function validateServices(services: readonly ServiceDeclaration[]): void {
  const problems: string[] = [];
  const routes = services.flatMap((s) => (s.routes ?? []).map((r) => `${r.method} ${r.path}`));
  const rules = services.flatMap((s) => (s.subscriptions ?? []).map((sub) => sub.rule));
  const emitted = services.flatMap((s) => (s.emits ?? []).map((c) => `${c.detailType} v${c.version}`));
  const authorizers = services.filter((s) => s.authorizer);
  for (const name of duplicates(services.map((s) => s.name))) problems.push(`service '${name}' is declared twice`);
  for (const route of duplicates(routes)) problems.push(`route '${route}' is declared by more than one service`);
  for (const rule of duplicates(rules)) problems.push(`rule name '${rule}' is used by more than one service`);
  for (const event of duplicates(emitted)) problems.push(`event '${event}' is emitted by more than one service`);
  if (authorizers.length > 1) problems.push(`only one service may declare the API-key authorizer`);
  const needsApiKey = services.some((s) => (s.routes ?? []).some((r) => r.auth === 'apiKey'));
  if (needsApiKey && authorizers.length === 0) problems.push('routes use apiKey auth but no service declares the authorizer');
  if (problems.length > 0) throw new ServiceDeclarationError('(all services)', problems);
}
