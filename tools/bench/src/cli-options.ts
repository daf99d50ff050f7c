import type { BenchOptions } from './harness/run-bench';

export const HELP = `Pulse bench: measures the pipeline on this machine and prices it.

Usage: npx tsx tools/bench/src/main.ts [options]

  --quick                  small counts (the whole run well under 2 minutes)
  --only <steps>           comma-separated step numbers or ids, e.g. 1,5,6 or ceiling,cost
  --out <dir>              results folder (default <workspace>/bench/results)
  --functions <names>      cold start: only these functions (comma-separated)
  --readings-per-second N  cost model workload (default 1000)
  --batch-size N           gateway batch: readings per request and per event (default 50)
  --retention-days N       days readings are kept (default 30)
  --workload key=value     any other cost-model setting (repeatable), e.g. awsCallLatencyMs=20
  -h, --help               this text

Steps: 1 ceiling, 2 e2e-throughput, 3 e2e-latency, 4 cold-start, 5 cpu-per-hop, 6 cost.
Progress goes to stderr, the Markdown summary to stdout, the figures to <out>/<timestamp>.json.
Build the bundles first: NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p ingest transform enrich persist alert
`;

export type CliCommand = { kind: 'help' } | { kind: 'run'; options: BenchOptions };

/** Parses the command line (arguments after the script); throws on anything it does not know. */
export function parseArguments(args: readonly string[]): CliCommand {
  let quick = false;
  let only: string[] | undefined;
  let outDir: string | undefined;
  let functions: string[] | undefined;
  const workload: Record<string, number | boolean> = {};
  const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    const number = () => {
      const text = value();
      const parsed = Number(text);
      if (!Number.isFinite(parsed)) throw new Error(`${arg} needs a number, got '${text}'`);
      return parsed;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--quick':
        quick = true;
        break;
      case '--only':
        only = list(value());
        break;
      case '--out':
        outDir = value();
        break;
      case '--functions':
        functions = list(value());
        break;
      case '--readings-per-second':
        workload['readingsPerSecond'] = number();
        break;
      case '--batch-size':
        workload['batchSize'] = number();
        break;
      case '--retention-days':
        workload['retentionDays'] = number();
        break;
      case '--workload': {
        const [key, text] = value().split('=');
        if (!key || text === undefined) throw new Error(`--workload takes key=value, got '${args[i]}'`);
        workload[key] = text === 'true' ? true : text === 'false' ? false : Number(text);
        if (Number.isNaN(workload[key])) throw new Error(`--workload ${key} needs a number or true/false, got '${text}'`);
        break;
      }
      default:
        throw new Error(`unknown argument '${arg}' (see --help)`);
    }
  }
  return {
    kind: 'run',
    options: {
      quick,
      ...(only ? { only } : {}),
      ...(outDir ? { outDir } : {}),
      ...(functions ? { functions } : {}),
      ...(Object.keys(workload).length > 0 ? { workload } : {}),
    },
  };
}
