import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { chaosMain, formatReconcileReport, parseSince, reconcile, soakMain } from '@pulse/chaos';
import { nxEnvironment } from '../nx-environment';
import { workspaceRoot } from '../workspace-root';

interface Endpoints {
  dynamodb?: string;
  sqs?: string;
  region?: string;
}

/**
 * `pulse reconcile` (every acknowledged reading stored once or dead-lettered with a reason?),
 * and the drills behind `npm run chaos` and `npm run soak`, whose flags pass through.
 */
export function registerReliability(program: Command): void {
  program
    .command('reconcile')
    .description('Compare the readings the API acknowledged (bus archive) with what is stored and what sits in dead-letter queues')
    .option('--since <when>', 'ISO-8601 time, epoch ms, or a duration back from now on the pipeline clock (30m, 2h, 7d)')
    .option('--state <dir>', 'the runtime state folder', join(workspaceRoot, '.local'))
    .option('--json', 'print the report as JSON', false)
    .action(async (options: { since?: string; state: string; json: boolean }) => {
      const endpoints = readEndpoints(options.state);
      const report = await reconcile({
        archiveDirectory: join(options.state, 'bus', 'archive'),
        dynamodbEndpoint: endpoints.dynamodb,
        sqsEndpoint: endpoints.sqs,
        ...(endpoints.region ? { region: endpoints.region } : {}),
        ...(options.since ? { since: parseSince(options.since, pipelineNow(options.state)) } : {}),
      });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReconcileReport(report)}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });
  passThrough(program, 'chaos', 'Fault drill: readings under injected failures and a DynamoDB restart, then redrive and reconcile (pulse chaos --help)', chaosMain);
  passThrough(program, 'soak', 'Load drill: a steady rate for N minutes, RSS and p99 per minute (pulse soak --help)', soakMain);
}

function passThrough(program: Command, name: string, description: string, main: (args: readonly string[]) => Promise<number>): void {
  program
    .command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[flags...]', 'passed through (try --help)')
    .action(async (flags: string[]) => {
      if (!flags.includes('--help') && !buildBundles(name)) return;
      process.exitCode = await main(flags);
    });
}

function buildBundles(command: string): boolean {
  process.stderr.write(`pulse ${command}: building the function bundles (cached after the first time)…\n`);
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'ingest,transform,enrich,persist,alert', '--outputStyle=static'], {
    cwd: workspaceRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: nxEnvironment(),
  });
  if (result.status === 0) return true;
  process.stderr.write(`pulse ${command}: the build failed\n`);
  process.exitCode = 1;
  return false;
}

function readEndpoints(state: string): Required<Pick<Endpoints, 'dynamodb' | 'sqs'>> & Endpoints {
  const file = join(state, 'endpoints.json');
  let endpoints: Endpoints;
  try {
    endpoints = JSON.parse(readFileSync(file, 'utf8')) as Endpoints;
  } catch {
    throw new Error(`no ${file}: reconcile reads a running local runtime (npm start)`);
  }
  if (!endpoints.dynamodb || !endpoints.sqs) throw new Error(`${file} names no dynamodb or sqs endpoint`);
  return { ...endpoints, dynamodb: endpoints.dynamodb, sqs: endpoints.sqs };
}

/** Durations count back from the pipeline's clock (compressed time runs ahead of real time). */
function pipelineNow(state: string): number {
  try {
    const saved = JSON.parse(readFileSync(join(state, 'time.json'), 'utf8')) as { lastMs?: number };
    return Math.max(Date.now(), saved.lastMs ?? 0);
  } catch {
    return Date.now();
  }
}
