/** Thrown by `defineService` / `validateServices` with every problem found, not just the first. */
export class ServiceDeclarationError extends Error {
  override readonly name = 'ServiceDeclarationError';

  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid declaration of service '${service}':\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The values that occur more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
