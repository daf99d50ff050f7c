import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from '../workspace-root';
import { nxEnvironment } from '../nx-environment';

/**
 * `pulse bench` runs every project's `bench` target (today: the contract validators and
 * the event-pattern engine micro-benchmarks). The end-to-end pipeline benchmark joins it
 * with the benchmarks issue.
 */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description("Run the benchmarks (today: every project's micro-benchmark `bench` target)")
    .option('-p, --projects <list>', 'comma-separated projects to benchmark (default: all with a bench target)')
    .action((options: { projects?: string }) => {
      const args = ['nx', 'run-many', '-t', 'bench', '--parallel=1', '--output-style=stream', '--skip-nx-cache'];
      if (options.projects) args.push(`--projects=${options.projects}`);
      process.stderr.write(`pulse bench: npx ${args.join(' ')}\n`);
      const result = spawnSync('npx', args, { cwd: workspaceRoot, stdio: 'inherit', env: nxEnvironment() });
      process.exitCode = result.status ?? 1;
    });
}
