import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * What a window's tail latency can be read against: how long this process's main thread
 * (HTTP API, bus, runner dispatch, sender) was blocked, and how busy this process and its
 * child processes (dynalite) were.
 */
export interface ProbeReading {
  /** Main thread event-loop delay in the window, ms. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** CPU of this process (all threads: main and function workers), % of one core. */
  readonly processCpuPercent: number;
  /** CPU of this process's child processes (dynalite), % of one core; NaN where /proc is not. */
  readonly childCpuPercent: number;
  /** Per reading-path function: most invocations seen waiting for an environment (sampled every second), p99 duration, environments. */
  readonly functions: Readonly<Record<string, { readonly maxQueue: number; readonly p99Ms: number; readonly workers: number }>>;
  /** Every function's execution environments' V8 heaps together (each worker is an isolate of its own), MB. */
  readonly functionHeapsMb: number;
  /** The same heaps' resident size (used, free page space, young generation), MB. */
  readonly functionHeapsResidentMb: number;
  /** This process's memory outside the main V8 heap: Buffers and ArrayBuffers, MB. */
  readonly externalMb: number;
}

/** What the probes read of the function runner (its `stats()`). */
export type RunnerStats = () => Readonly<Record<string, { readonly queueDepth: number; readonly p99DurationMs: number; readonly workers: number; readonly heapUsedBytes?: number; readonly heapResidentBytes?: number }>>;

export const READING_PATH = ['receive-readings', 'normalize-readings', 'enrich-readings', 'store-readings', 'evaluate-readings'] as const;

const CLOCK_TICKS_PER_SECOND = 100;
const LOOP_RESOLUTION_MS = 10;
const MB = 1024 * 1024;

export class SoakProbes {
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private lastCpu = process.cpuUsage();
  private lastChildTicks = childTicks();
  private lastAt = performance.now();
  private maxQueue: Record<string, number> = {};
  private readonly sampler: NodeJS.Timeout;

  constructor(private readonly runnerStats: RunnerStats) {
    this.loopDelay.enable();
    this.sampler = setInterval(() => this.sampleQueues(), 1000);
    this.sampler.unref();
  }

  private sampleQueues(): void {
    const stats = this.runnerStats();
    for (const name of READING_PATH) this.maxQueue[name] = Math.max(this.maxQueue[name] ?? 0, stats[name]?.queueDepth ?? 0);
  }

  /** The window since the previous read (or construction); starts the next one. */
  read(): ProbeReading {
    const now = performance.now();
    const elapsedMs = Math.max(1, now - this.lastAt);
    const cpu = process.cpuUsage(this.lastCpu);
    const ticks = childTicks();
    this.sampleQueues();
    const stats = this.runnerStats();
    // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
    const delayMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
    const reading: ProbeReading = {
      loopDelayP99Ms: delayMs(this.loopDelay.percentile(99)),
      loopDelayMaxMs: delayMs(this.loopDelay.max),
      processCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
      childCpuPercent: ticks === undefined || this.lastChildTicks === undefined ? Number.NaN : (((ticks - this.lastChildTicks) * 1000) / CLOCK_TICKS_PER_SECOND / elapsedMs) * 100,
      functionHeapsMb: Object.values(stats).reduce((sum, f) => sum + (f.heapUsedBytes ?? 0), 0) / MB,
      functionHeapsResidentMb: Object.values(stats).reduce((sum, f) => sum + (f.heapResidentBytes ?? 0), 0) / MB,
      externalMb: process.memoryUsage().external / MB,
      functions: Object.fromEntries(READING_PATH.map((name) => [name, { maxQueue: this.maxQueue[name] ?? 0, p99Ms: stats[name]?.p99DurationMs ?? Number.NaN, workers: stats[name]?.workers ?? 0 }])),
    };
    this.maxQueue = {};
    this.loopDelay.reset();
    this.lastCpu = process.cpuUsage();
    this.lastChildTicks = ticks;
    this.lastAt = now;
    return reading;
  }

  stop(): void {
    clearInterval(this.sampler);
    this.loopDelay.disable();
  }
}

/** utime + stime of this process's direct children, from /proc (Linux); undefined elsewhere. */
function childTicks(): number | undefined {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // The command name may hold spaces and parentheses: fields are counted after its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      total += Number(fields[11]) + Number(fields[12]);
    }
    return total;
  } catch {
    return undefined;
  }
}
