import { busArn } from '../rules/arns';
import { existingBus, type BusContext } from './bus-context';
import { epochSeconds, optionalString, type Input } from './input';
import { page } from './pagination';

export function listEventBuses(input: Input, ctx: BusContext) {
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const names = [...ctx.buses.keys()].filter((name) => name.startsWith(prefix));
  const { items, nextToken } = page(names, input);
  return { EventBuses: items.map((name) => describe(name, ctx)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

export function describeEventBus(input: Input, ctx: BusContext) {
  return describe(existingBus(ctx, optionalString(input, 'Name')), ctx);
}

function describe(name: string, ctx: BusContext) {
  const created = ctx.buses.get(name) ?? ctx.now();
  return { Name: name, Arn: busArn(ctx.scope, name), CreationTime: epochSeconds(created), LastModifiedTime: epochSeconds(created) };
}
