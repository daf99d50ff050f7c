import { duplicates } from './declaration-error';
import type { ServiceDeclaration } from './service-declaration';

// Lambda's own limits, so a bad value fails here rather than at deploy time.
const MEMORY_MB = { min: 128, max: 10_240 };
const TIMEOUT_S = { min: 1, max: 900 };
const FUNCTION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function functionProblems(service: ServiceDeclaration): string[] {
  const problems: string[] = [];
  const tables = new Set((service.tables ?? []).map((t) => t.name));
  const topics = new Set((service.topics ?? []).map((t) => t.name));
  if (service.functions.length === 0) problems.push('a service declares at least one function');
  for (const name of duplicates(service.functions.map((f) => f.name))) {
    problems.push(`duplicate function name '${name}'`);
  }
  for (const fn of service.functions) {
    const at = `function '${fn.name}'`;
    if (!FUNCTION_NAME.test(fn.name)) problems.push(`${at}: name must be kebab-case`);
    if (!/^src\/.+\.ts$/.test(fn.handler)) problems.push(`${at}: handler '${fn.handler}' must be a .ts file under src/`);
    if (!between(fn.memoryMb, MEMORY_MB)) problems.push(`${at}: memoryMb ${fn.memoryMb} is outside 128–10240`);
    if (!between(fn.timeoutSeconds, TIMEOUT_S)) problems.push(`${at}: timeoutSeconds ${fn.timeoutSeconds} is outside 1–900`);
    if (fn.reservedConcurrency !== undefined && !between(fn.reservedConcurrency, { min: 0, max: Infinity })) {
      problems.push(`${at}: reservedConcurrency must be a non-negative integer`);
    }
    for (const { table } of fn.environment?.tables ?? []) {
      if (!tables.has(table)) problems.push(`${at}: needs table '${table}', which the service does not declare`);
    }
    for (const topic of fn.environment?.topics ?? []) {
      if (!topics.has(topic)) problems.push(`${at}: needs topic '${topic}', which the service does not declare`);
    }
  }
  return problems;
}

function between(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}
