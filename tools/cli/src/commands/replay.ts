import type { Command } from 'commander';
import { DescribeReplayCommand, StartReplayCommand, type DescribeReplayCommandOutput, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { positiveInteger } from '../arguments';
import { describeSdkError, withClient } from '../eventbridge-client';
import { reportEndpoint, resolveEndpoint } from '../local-endpoints';

/** The local bus's account (the contract's ARNs use it). */
export const LOCAL_ACCOUNT_ID = '000000000000';
const FINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export interface ReplayPlan {
  readonly name: string;
  readonly from: Date;
  readonly to: Date;
  readonly archive: string;
  readonly bus: string;
  /** Rule names or ARNs; empty = every rule on the bus. */
  readonly rules: readonly string[];
  readonly region: string;
}

/** `arn:aws:events:<region>:<account>:rule/<bus>/<name>` (AWS leaves the bus out on 'default'); ARNs pass through. */
export function ruleArnOf(rule: string, bus: string, region: string): string {
  if (rule.startsWith('arn:')) return rule;
  return `arn:aws:events:${region}:${LOCAL_ACCOUNT_ID}:rule/${bus === 'default' ? '' : `${bus}/`}${rule}`;
}

export function startReplayInput(plan: ReplayPlan) {
  const prefix = `arn:aws:events:${plan.region}:${LOCAL_ACCOUNT_ID}`;
  return {
    ReplayName: plan.name,
    EventSourceArn: `${prefix}:archive/${plan.archive}`,
    EventStartTime: plan.from,
    EventEndTime: plan.to,
    Destination: {
      Arn: `${prefix}:event-bus/${plan.bus}`,
      ...(plan.rules.length > 0 ? { FilterArns: plan.rules.map((rule) => ruleArnOf(rule, plan.bus, plan.region)) } : {}),
    },
  };
}

/** Starts the replay and polls DescribeReplay until it ends or `timeoutMs` passes (then the last answer). */
export async function runReplay(
  client: EventBridgeClient,
  plan: ReplayPlan,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<DescribeReplayCommandOutput> {
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  await client.send(new StartReplayCommand(startReplayInput(plan)));
  for (;;) {
    const state = await client.send(new DescribeReplayCommand({ ReplayName: plan.name }));
    if (FINAL_STATES.has(state.State ?? '') || Date.now() >= deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export function formatOutcome(plan: ReplayPlan, outcome: DescribeReplayCommandOutput): string {
  const rules = plan.rules.length > 0 ? plan.rules.join(', ') : `every rule on ${plan.bus}`;
  const lines = [`replay ${plan.name}: ${outcome.State ?? 'UNKNOWN'}`, `  events  ${plan.from.toISOString()} → ${plan.to.toISOString()} from archive ${plan.archive}`, `  rules   ${rules}`];
  if (outcome.EventLastReplayedTime) lines.push(`  last replayed event at ${outcome.EventLastReplayedTime.toISOString()}`);
  if (outcome.ReplayStartTime && outcome.ReplayEndTime) {
    lines.push(`  took ${((outcome.ReplayEndTime.getTime() - outcome.ReplayStartTime.getTime()) / 1000).toFixed(1)} s`);
  }
  if (outcome.StateReason) lines.push(`  reason  ${outcome.StateReason}`);
  if (!FINAL_STATES.has(outcome.State ?? '')) lines.push('  still running on the bus after --timeout; check again with DescribeReplay');
  return `${lines.join('\n')}\n`;
}

interface ReplayOptions {
  from: string;
  to: string;
  rule: string[];
  archive: string;
  bus: string;
  name?: string;
  timeout: string;
  endpoint?: string;
  verbose?: boolean;
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description("Re-deliver the archived events of a time window to the bus's rules (StartReplay), and wait for the outcome")
    .requiredOption('--from <iso>', 'start of the window (ISO-8601, inclusive)')
    .requiredOption('--to <iso>', 'end of the window (ISO-8601, exclusive)')
    .option('--rule <name...>', 'only these rules (names or ARNs); default: every rule on the bus', [])
    .option('--archive <name>', 'the archive to replay from', 'pulse-local-archive')
    .option('--bus <name>', 'the bus the archive belongs to', 'pulse-local')
    .option('--name <replay-name>', 'the replay name, set as replay-name on each event (default: pulse-cli-<time>)')
    .option('--timeout <seconds>', 'stop waiting after this long (the replay goes on)', '600')
    .option('--endpoint <url>', 'EventBridge endpoint (default: AWS_ENDPOINT_URL_EVENTBRIDGE, .local/endpoints.json, http://127.0.0.1:4010)')
    .option('--verbose', 'say on stderr which endpoint is used')
    .action(async (options: ReplayOptions) => {
      process.exitCode = await replay(options);
    });
}

async function replay(options: ReplayOptions): Promise<number> {
  let plan: ReplayPlan;
  let timeoutMs: number;
  const endpoint = resolveEndpoint('eventbridge', options.endpoint);
  try {
    const from = isoDate('--from', options.from);
    const to = isoDate('--to', options.to);
    if (to <= from) throw new RangeError(`--to (${options.to}) must be after --from (${options.from})`);
    timeoutMs = positiveInteger('--timeout', options.timeout) * 1000;
    const name = options.name ?? `pulse-cli-${new Date().toISOString().replace(/\D/g, '').slice(0, 17)}`;
    if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name)) throw new RangeError(`--name must be 1–64 of A-Z a-z 0-9 . - _, got '${name}'`);
    plan = { name, from, to, archive: options.archive, bus: options.bus, rules: options.rule, region: endpoint.region };
  } catch (error) {
    process.stderr.write(`pulse replay: ${(error as Error).message}\n`);
    return 2;
  }
  reportEndpoint('eventbridge', endpoint, options.verbose);
  try {
    const outcome = await withClient(endpoint, (client) => runReplay(client, plan, { timeoutMs }));
    process.stdout.write(formatOutcome(plan, outcome));
    return outcome.State === 'COMPLETED' ? 0 : 1;
  } catch (error) {
    process.stderr.write(`pulse replay: ${describeSdkError(endpoint, error)}\n`);
    return 1;
  }
}

function isoDate(flag: string, value: string): Date {
  // Date.parse accepts many spellings; insist on ISO-8601 so '1/2/2024' is not read as January or February.
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${flag} must be an ISO-8601 time such as 2024-05-01T12:00:00Z, got '${value}'`);
  return date;
}
