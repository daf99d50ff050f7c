import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CHILD_DIR = path.join(__dirname, '..', 'child');

/** What one invocation cost the function's process, as the host measured it. */
export interface HostInvocation {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: { name: string; message: string };
  /** User + system CPU of the whole function process during the invocation. */
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly logBytes: number;
  readonly logLines: number;
  /** AWS calls made, and in how many sequential rounds. */
  readonly calls: number;
  readonly rounds: number;
  /** Embedded-metric-format lines written. */
  readonly emf: readonly string[];
  /** The last log lines, on failure. */
  readonly tail: readonly string[];
}

type Reply = ({ type: 'result'; id: number } & HostInvocation) | { type: 'ready'; loadMs: number } | { type: 'fatal'; error: { message: string }; tail: string[] };

/**
 * One warm execution environment in its own Node process (so its CPU is its own), running
 * a built bundle with the given environment and nothing from the bench's.
 */
export class FunctionHost {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (reply: HostInvocation) => void>();
  private nextId = 1;
  private exited = false;
  readonly ready: Promise<{ loadMs: number }>;

  constructor(
    readonly name: string,
    bundlePath: string,
    env: Readonly<Record<string, string>>,
  ) {
    this.child = fork(path.join(CHILD_DIR, 'function-host.cjs'), [bundlePath], { env: { ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (reply: Reply) => {
        if (reply.type === 'ready') resolve({ loadMs: reply.loadMs });
        else if (reply.type === 'fatal') reject(new Error(`${name} failed to load: ${reply.error.message}\n${reply.tail.join('\n')}`));
        else {
          const settle = this.pending.get(reply.id);
          this.pending.delete(reply.id);
          settle?.(reply);
        }
      });
      this.child.once('exit', (code) => {
        this.exited = true;
        const failure = new Error(`${name} host exited (code ${code})`);
        reject(failure);
        for (const settle of this.pending.values()) settle({ ...EMPTY, ok: false, error: { name: 'HostExited', message: failure.message } });
        this.pending.clear();
      });
    });
    // Awaited by invoke(); a host that dies unused must not be an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  async invoke(event: unknown, timeoutMs = 30_000): Promise<HostInvocation> {
    await this.ready;
    if (this.exited) throw new Error(`${this.name} host is not running`);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ type: 'invoke', id, event, timeoutMs });
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}

const EMPTY: HostInvocation = { ok: false, cpuMs: 0, wallMs: 0, logBytes: 0, logLines: 0, calls: 0, rounds: 0, emf: [], tail: [] };
