import type { MessageAttributeValue } from './model';
import { invalidParameter, missingParameter } from './sqs-error';

/**
 * Reads a request already shaped as the JSON protocol's input. Numbers may arrive as
 * strings because the Query protocol has no other type.
 */
export type Input = Record<string, unknown>;

export function requireString(input: Input, name: string): string {
  const value = input[name];
  if (value === undefined || value === null || value === '') throw missingParameter(name);
  if (typeof value !== 'string') throw invalidParameter(`Value for parameter ${name} must be a string.`);
  return value;
}

export function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  return value === undefined || value === null ? undefined : requireString(input, name);
}

export function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw invalidParameter(`Value ${String(value)} for parameter ${name} is invalid. Reason: Must be between ${min} and ${max}, if provided.`);
  }
  return parsed;
}

export function requireInteger(input: Input, name: string, min: number, max: number): number {
  const value = optionalInteger(input, name, min, max);
  if (value === undefined) throw missingParameter(name);
  return value;
}

export function stringList(input: Input, name: string): string[] {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidParameter(`Value for parameter ${name} must be a list of strings.`);
  }
  return value as string[];
}

export function stringMap(input: Input, name: string): Record<string, string> {
  const value = input[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((item) => typeof item !== 'string')) {
    throw invalidParameter(`Value for parameter ${name} must be a map of strings.`);
  }
  return value as Record<string, string>;
}

export function objectList(input: Input, name: string): Input[] {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null)) {
    throw invalidParameter(`Value for parameter ${name} must be a list of structures.`);
  }
  return value as Input[];
}

const MAX_MESSAGE_ATTRIBUTES = 10;
const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9_.-]{1,256}$/i;

/** Validates MessageAttributes as SQS does: ≤ 10, typed String/Number/Binary(.custom), values present. */
export function messageAttributes(input: Input, name: string): Record<string, MessageAttributeValue> {
  const value = input[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParameter(`Value for parameter ${name} must be a map.`);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_MESSAGE_ATTRIBUTES) {
    throw invalidParameter(`Number of message attributes [${entries.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`);
  }
  const result: Record<string, MessageAttributeValue> = {};
  for (const [attributeName, raw] of entries) {
    if (!ATTRIBUTE_NAME.test(attributeName)) throw invalidParameter(`Message attribute name '${attributeName}' is invalid.`);
    result[attributeName] = messageAttributeValue(attributeName, (raw ?? {}) as Input);
  }
  return result;
}

function messageAttributeValue(name: string, raw: Input): MessageAttributeValue {
  const dataType = raw.DataType;
  if (typeof dataType !== 'string' || dataType === '') {
    throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
  }
  const baseType = dataType.split('.')[0];
  if (baseType === 'Binary') {
    if (typeof raw.BinaryValue !== 'string' || raw.BinaryValue === '') {
      throw invalidParameter(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
    }
    return { DataType: dataType, BinaryValue: raw.BinaryValue };
  }
  if (baseType !== 'String' && baseType !== 'Number') {
    throw invalidParameter(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
  }
  if (typeof raw.StringValue !== 'string' || raw.StringValue === '') {
    throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${dataType}'.`);
  }
  if (baseType === 'Number' && !Number.isFinite(Number(raw.StringValue))) {
    throw invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
  return { DataType: dataType, StringValue: raw.StringValue };
}
