import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultRule } from '@pulse/function-runner';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { startLocalRuntime, type LocalRuntime } from '@pulse/local-runtime';
import { WORKSPACE_ROOT } from './workspace-root';

const FREE_PORTS = { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 };

export interface DrillRuntimeOptions {
  /** Workspace root (dist/ with the built bundles); this checkout by default. */
  readonly root?: string;
  /** Kept after the drill when given; a temporary folder (removed at the end) otherwise. */
  readonly stateDirectory?: string;
  /** Where the temporary state folder is made (the OS's temporary folder by default). */
  readonly temporaryParent?: string;
  /** Pipeline seconds per real second: retry backoff and event age run this much faster. */
  readonly timeScale: number;
  readonly faults?: readonly FaultRule[];
  /** The declarations to run (the five services by default), e.g. with a fleet's rate raised. */
  readonly services?: readonly ServiceDeclaration[];
  /** The runtime's lines for a person (start-up, warnings, function errors). */
  readonly log?: (line: string) => void;
}

export interface DrillRuntime {
  readonly runtime: LocalRuntime;
  readonly stateDirectory: string;
  /** `<state>/bus/archive`: every event the bus accepted, which reconcile reads. */
  readonly archiveDirectory: string;
  /** Closes the runtime and removes a temporary state folder. */
  close(): Promise<void>;
}

/**
 * The whole local runtime in this process on free loopback ports, DynamoDB on disk (so a
 * dynalite restart keeps the tables), no dashboard and no endpoints file: a drill must not
 * disturb a developer's `npm start`.
 */
export async function startDrillRuntime(options: DrillRuntimeOptions): Promise<DrillRuntime> {
  const temporary = options.stateDirectory === undefined;
  const stateDirectory = options.stateDirectory ?? (await mkdtemp(join(options.temporaryParent ?? tmpdir(), 'pulse-drill-')));
  try {
    const runtime = await startLocalRuntime({
      root: options.root ?? WORKSPACE_ROOT,
      stateDirectory,
      ports: FREE_PORTS,
      timeScale: options.timeScale,
      dashboard: false,
      writeEndpoints: false,
      channelRetryDelayMs: 50,
      log: options.log ?? (() => undefined),
      onFunctionLog: () => undefined,
      functionRunner: { faults: options.faults ?? [] },
      ...(options.services ? { services: options.services } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      runtime,
      stateDirectory,
      archiveDirectory: join(runtime.paths.bus, 'archive'),
      close: () =>
        (closing ??= (async () => {
          await runtime.close({ drainMs: 2_000 });
          if (temporary) await rm(stateDirectory, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    if (temporary) await rm(stateDirectory, { recursive: true, force: true });
    throw error;
  }
}
