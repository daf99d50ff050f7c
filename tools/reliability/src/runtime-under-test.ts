import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '@pulse/local-runtime';
import type { ServiceDeclaration } from '@pulse/service-kit';

/** The workspace root, where dist/apps holds the built bundles. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

const FREE_PORTS = { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 } as const;

export interface FunctionLine {
  readonly functionName: string;
  readonly line: string;
}

export interface RuntimeUnderTest {
  readonly runtime: LocalRuntime;
  /** The runtime's own lines (start-up, warnings, function errors, `[api]`, `[bus]`). */
  readonly log: string[];
  /** Every line every function wrote. */
  readonly functionLog: FunctionLine[];
  stop(): Promise<void>;
}

export interface RuntimeUnderTestOptions {
  readonly services?: readonly ServiceDeclaration[];
  /** Pipeline seconds per real second (1 by default: rate limits and token expiry in real time). */
  readonly timeScale?: number;
}

/**
 * The whole local pipeline as `npm start` runs it, on free loopback ports with its state in a
 * temporary folder (removed by `stop`), collecting every log line for the assertions.
 */
export async function startRuntimeUnderTest(options: RuntimeUnderTestOptions = {}): Promise<RuntimeUnderTest> {
  const state = mkdtempSync(join(tmpdir(), 'pulse-reliability-'));
  const log: string[] = [];
  const functionLog: FunctionLine[] = [];
  try {
    const runtime = await startLocalRuntime({
      root: WORKSPACE_ROOT,
      stateDirectory: state,
      ports: FREE_PORTS,
      inMemory: true,
      dashboard: false,
      writeEndpoints: false,
      timeScale: options.timeScale ?? 1,
      channelRetryDelayMs: 50,
      log: (line) => log.push(line),
      onFunctionLog: (functionName, line) => functionLog.push({ functionName, line }),
      ...(options.services ? { services: options.services } : {}),
    });
    return {
      runtime,
      log,
      functionLog,
      async stop() {
        try {
          await runtime.close({ drainMs: 3_000 });
        } finally {
          rmSync(state, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
}
