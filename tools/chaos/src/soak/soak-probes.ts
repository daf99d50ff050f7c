import { readdirSync, readFileSync } from 'node:fs';
import { PressureWatch, READING_PATH_FUNCTIONS, type PressureSource } from '@pulse/local-runtime';

/**
 * What a window's tail latency can be read against: how long this process's main thread
 * (HTTP API, bus, runner dispatch, sender) was blocked, how busy this process and its child
 * processes (dynalite) were, where invocations queued, and the function environments' heaps.
 */
export interface ProbeReading {
  /** Main thread event-loop delay in the window, ms. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** CPU of this process (all threads: main and function workers), % of one core. */
  readonly processCpuPercent: number;
  /** CPU of this process's child processes (dynalite), % of one core; NaN where /proc is not. */
  readonly childCpuPercent: number;
  /** Resident set of the same child processes at the window's end, MB; NaN where /proc is not. */
  readonly childRssMb: number;
  /** Per reading-path function: most invocations seen waiting for an environment (sampled every second), p99 duration, environments. */
  readonly functions: Readonly<Record<string, { readonly maxQueue: number; readonly p99Ms: number; readonly workers: number }>>;
  /** Every function's execution environments' V8 heaps together (each worker is an isolate of its own), MB. */
  readonly functionHeapsMb: number;
  /** The same heaps' resident size (used, free page space, young generation), MB. */
  readonly functionHeapsResidentMb: number;
  /** This process's memory outside the main V8 heap: Buffers and ArrayBuffers, MB. */
  readonly externalMb: number;
}

/** What the probes read of the runtime: the function runner's `stats()` and the bus's pending deliveries. */
export interface ProbedRuntime extends PressureSource {
  readonly runner: {
    stats(): Readonly<Record<string, { readonly queueDepth: number; readonly p99DurationMs: number; readonly workers: number; readonly heapUsedBytes?: number; readonly heapResidentBytes?: number }>>;
  };
}

const CLOCK_TICKS_PER_SECOND = 100;
const MB = 1024 * 1024;

export class SoakProbes {
  private readonly pressure: PressureWatch;
  private lastCpu = process.cpuUsage();
  private lastChildTicks = childUsage()?.ticks;
  private lastAt = performance.now();

  constructor(private readonly runtime: ProbedRuntime) {
    this.pressure = new PressureWatch(runtime, 1000);
  }

  /** The window since the previous read (or construction); starts the next one. */
  read(): ProbeReading {
    const now = performance.now();
    const elapsedMs = Math.max(1, now - this.lastAt);
    const cpu = process.cpuUsage(this.lastCpu);
    const children = childUsage();
    const ticks = children?.ticks;
    const pressure = this.pressure.read();
    const stats = this.runtime.runner.stats();
    const heaps = Object.values(stats);
    const reading: ProbeReading = {
      loopDelayP99Ms: pressure.eventLoopDelayMs.p99,
      loopDelayMaxMs: pressure.eventLoopDelayMs.max,
      processCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
      childCpuPercent: ticks === undefined || this.lastChildTicks === undefined ? Number.NaN : (((ticks - this.lastChildTicks) * 1000) / CLOCK_TICKS_PER_SECOND / elapsedMs) * 100,
      childRssMb: children === undefined ? Number.NaN : children.rssBytes / MB,
      functionHeapsMb: heaps.reduce((sum, f) => sum + (f.heapUsedBytes ?? 0), 0) / MB,
      functionHeapsResidentMb: heaps.reduce((sum, f) => sum + (f.heapResidentBytes ?? 0), 0) / MB,
      externalMb: process.memoryUsage().external / MB,
      functions: Object.fromEntries(
        READING_PATH_FUNCTIONS.map((name) => [name, { maxQueue: pressure.maxQueueDepth[name] ?? 0, p99Ms: stats[name]?.p99DurationMs ?? Number.NaN, workers: stats[name]?.workers ?? 0 }]),
      ),
    };
    this.lastCpu = process.cpuUsage();
    this.lastChildTicks = ticks;
    this.lastAt = now;
    return reading;
  }

  stop(): void {
    this.pressure.stop();
  }
}

/** utime + stime and resident bytes of this process's direct children, from /proc (Linux); undefined elsewhere. */
function childUsage(): { ticks: number; rssBytes: number } | undefined {
  try {
    let ticks = 0;
    let rssBytes = 0;
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
      ticks += Number(fields[11]) + Number(fields[12]);
      rssBytes += residentBytes(entry);
    }
    return { ticks, rssBytes };
  } catch {
    return undefined;
  }
}

/** VmRSS from /proc/<pid>/status (kB there, whatever the page size); 0 for a process already gone. */
function residentBytes(pid: string): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
