import { validationError } from './aws-error';

/** A request's parameters; every reader says which parameter was wrong, as AWS does. */
export type Input = Readonly<Record<string, unknown>>;

export function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`Parameter ${name} is not valid. Reason: ${name} must be a string.`);
  return value;
}

export function requiredString(input: Input, name: string): string {
  const value = optionalString(input, name);
  if (value === undefined || value === '') {
    throw validationError(`1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalNumber(input: Input, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(`Parameter ${name} is not valid. Reason: ${name} must be a number.`);
  }
  return value;
}

export function optionalBoolean(input: Input, name: string): boolean {
  return input[name] === true;
}

export function optionalArray(input: Input, name: string): readonly unknown[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw validationError(`Parameter ${name} is not valid. Reason: ${name} must be a list.`);
  return value;
}

export function asInput(value: unknown, name: string): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError(`Parameter ${name} is not valid. Reason: ${name} must be an object.`);
  }
  return value as Input;
}

/** AWS timestamps travel as epoch seconds in JSON 1.1; some clients send ISO text. */
export function optionalTimestamp(input: Input, name: string): Date | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw validationError(`Parameter ${name} is not valid. Reason: ${name} must be a timestamp.`);
  }
  return date;
}

export const epochSeconds = (date: Date): number => date.getTime() / 1000;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
