/** What a drill's argument parser answers (chaos-args.ts, soak-args.ts). */
export type DrillArgs<O> =
  | { readonly kind: 'run'; readonly options: O; readonly json: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export interface DrillCli<O, R extends { readonly ok: boolean }> {
  readonly name: string;
  readonly usage: string;
  readonly parse: (args: readonly string[]) => DrillArgs<O>;
  readonly run: (options: O & { signal: AbortSignal }) => Promise<R>;
  readonly format: (result: R) => string;
}

/**
 * A drill's command line: usage on --help (exit 0), the error and usage on bad flags (exit 2),
 * otherwise the run with Ctrl-C as its abort signal; exit 0 when every goal is met, 1 otherwise.
 */
export async function runDrillCli<O, R extends { readonly ok: boolean }>(drill: DrillCli<O, R>, args: readonly string[]): Promise<number> {
  const parsed = drill.parse(args);
  if (parsed.kind === 'help') {
    process.stdout.write(drill.usage);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${drill.name}: ${parsed.message}\n${drill.usage}`);
    return 2;
  }
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  try {
    const result = await drill.run({ ...parsed.options, signal: abort.signal });
    process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : drill.format(result));
    return result.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', stop);
  }
}

/** Runs a drill's `main` when its file is executed directly (tsx), with the exit code it answers. */
export function runAsScript(name: string, main: (args: readonly string[]) => Promise<number>): void {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
