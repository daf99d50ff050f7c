import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BusContext } from '../api/bus-context';
import { readBody } from '../api/wire';
import type { BusEvent, RuleSpec } from '../model';
import { sendAdminJson } from './admin-response';

interface RedeliverRequest {
  readonly ruleName: string;
  readonly targetId: string;
  readonly event: BusEvent;
  /** Only needed when two buses hold a rule of that name. */
  readonly eventBusName?: string;
}

/**
 * POST /_pulse/redeliver `{ ruleName, targetId, event }`: enqueues the event for exactly that
 * rule's target (not every matching rule), as `pulse dlq redrive` needs. The delivery starts
 * afresh: a new age, the target's retry policy, its DLQ if it fails again. The rule's pattern
 * is not re-checked, and a disabled rule still gets it: an operator asked for this delivery.
 */
export async function serveRedeliver(req: IncomingMessage, res: ServerResponse, ctx: BusContext): Promise<void> {
  const parsed = parseRequest(await readBody(req));
  if (typeof parsed === 'string') return sendAdminJson(res, 400, { error: 'ValidationException', message: parsed });
  const rule = findRule(ctx, parsed);
  if (rule === undefined) return sendAdminJson(res, 404, { error: 'ResourceNotFoundException', message: `Rule ${parsed.ruleName} does not exist.` });
  const target = rule.targets.find((t) => t.id === parsed.targetId);
  if (target === undefined) {
    return sendAdminJson(res, 404, { error: 'ResourceNotFoundException', message: `Rule ${rule.name} has no target ${parsed.targetId}.` });
  }
  await ctx.dispatcher.enqueue([{ event: parsed.event, ruleName: rule.name, ruleArn: rule.arn, target }]);
  sendAdminJson(res, 202, { enqueued: 1, ruleArn: rule.arn, targetArn: target.arn, eventId: parsed.event.id });
}

function findRule(ctx: BusContext, request: RedeliverRequest): RuleSpec | undefined {
  const candidates = ctx.rules.list(request.eventBusName).filter((r) => r.name === request.ruleName);
  return candidates[0];
}

/** The request, or why it is not one. */
function parseRequest(body: string): RedeliverRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'The body must be JSON: { "ruleName", "targetId", "event" }.';
  }
  if (!isObject(value)) return 'The body must be a JSON object.';
  const { ruleName, targetId, event, eventBusName } = value;
  if (typeof ruleName !== 'string' || ruleName === '') return 'ruleName must be a non-empty string.';
  if (typeof targetId !== 'string' || targetId === '') return 'targetId must be a non-empty string.';
  if (eventBusName !== undefined && typeof eventBusName !== 'string') return 'eventBusName must be a string.';
  const problem = eventProblem(event);
  if (problem !== undefined) return problem;
  return { ruleName, targetId, event: event as BusEvent, ...(eventBusName === undefined ? {} : { eventBusName }) };
}

/** The fields every target relies on; the event is what the DLQ message body held. */
function eventProblem(event: unknown): string | undefined {
  if (!isObject(event)) return 'event must be the BusEvent JSON object (a DLQ message body).';
  for (const field of ['id', 'source', 'detail-type', 'time', 'account', 'region']) {
    if (typeof event[field] !== 'string') return `event.${field} must be a string.`;
  }
  if (!('detail' in event)) return 'event.detail is required.';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
