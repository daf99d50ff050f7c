import { ServiceDeclarationError } from './declaration-error';
import { eventSourceProblems } from './event-source-rules';
import { functionProblems } from './function-rules';
import { resourceProblems } from './resource-rules';
import { routeProblems } from './route-rules';
import { MAX_SERVICE_NAME_LENGTH, SERVICE_NAME_PATTERN, type ServiceDeclaration } from './service-declaration';
import { subscriptionProblems } from './subscription-rules';

/**
 * Declares a service and checks it at definition time, so a wrong reference fails the
 * service's own unit tests instead of a deploy. Returns the same object, typed with the
 * function names as literals.
 */
export function defineService<const F extends string>(declaration: ServiceDeclaration<F>): ServiceDeclaration<F> {
  const problems = declarationProblems(declaration);
  if (problems.length > 0) throw new ServiceDeclarationError(String(declaration.name), problems);
  return declaration;
}

export function declarationProblems(declaration: ServiceDeclaration): string[] {
  if (!SERVICE_NAME_PATTERN.test(declaration.name) || declaration.name.length > MAX_SERVICE_NAME_LENGTH) {
    return [`name '${declaration.name}' must be kebab-case and at most ${MAX_SERVICE_NAME_LENGTH} characters`];
  }
  return [
    ...functionProblems(declaration),
    ...subscriptionProblems(declaration),
    ...routeProblems(declaration),
    ...resourceProblems(declaration),
    ...eventSourceProblems(declaration),
  ];
}
