import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { main as benchMain } from '@pulse/bench';
import { workspaceRoot } from '../workspace-root';
import { nxEnvironment } from '../nx-environment';

const SERVICES = 'ingest,transform,enrich,persist,alert';

/**
 * `pulse bench` (`npm run bench`): builds the bundles, then runs the benchmark harness
 * (tools/bench) with its own flags (`--quick`, `--only`, `--help`…). `--micro` runs every
 * project's micro-benchmark `bench` target instead.
 */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Benchmarks and cost model: throughput, latency, cold starts, CPU per hop, $ per million readings (pulse bench --help for its flags)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[flags...]', 'passed to the benchmark (try --help)')
    .action(async (flags: string[]) => {
      if (flags.includes('--micro')) return void runMicroBenchmarks();
      if (!flags.includes('--help') && !build()) return;
      process.exitCode = await benchMain(flags);
    });
}

function build(): boolean {
  process.stderr.write(`pulse bench: building the function bundles (nx run-many -t build -p ${SERVICES})…\n`);
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', SERVICES, '--outputStyle=static'], {
    cwd: workspaceRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: nxEnvironment(),
  });
  if (result.status === 0) return true;
  process.stderr.write('pulse bench: the build failed\n');
  process.exitCode = 1;
  return false;
}

function runMicroBenchmarks(): void {
  const args = ['nx', 'run-many', '-t', 'bench', '--parallel=1', '--output-style=stream', '--skip-nx-cache', '--exclude=bench'];
  process.stderr.write(`pulse bench --micro: npx ${args.join(' ')}\n`);
  const result = spawnSync('npx', args, { cwd: workspaceRoot, stdio: 'inherit', env: nxEnvironment() });
  process.exitCode = result.status ?? 1;
}
