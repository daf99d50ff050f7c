import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { SoakProbes, type ProbedRuntime } from './soak-probes';

type RunnerStats = ReturnType<ProbedRuntime['runner']['stats']>;

function runtimeWith(stats: () => RunnerStats): ProbedRuntime {
  return { runner: { stats }, bus: { dispatcher: { stats: () => ({ pending: 0 }) } } };
}

const idleRuntime = runtimeWith(() => ({}));

/**
 * Blocks this thread on purpose (the event-loop delay is what is measured) until it has used
 * `ms` of CPU (the process's, which here is this thread's): `ms` of wall time or, on a busy
 * machine, longer.
 */
function spendCpu(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

describe('SoakProbes', () => {
  it('sees the main thread blocked, and this process busy', async () => {
    const windowStart = performance.now();
    const probes = new SoakProbes(idleRuntime);
    try {
      await new Promise((resolve) => setTimeout(resolve, 30));
      spendCpu(150);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const reading = probes.read();
      const windowMs = performance.now() - windowStart;

      expect(reading.loopDelayMaxMs).toBeGreaterThanOrEqual(100);
      // Stated as CPU time, not a share: other processes on the machine stretch the window, not the 150 ms spent.
      expect((reading.processCpuPercent / 100) * windowMs).toBeGreaterThanOrEqual(150);
    } finally {
      probes.stop();
    }
  });

  it('starts a new window at each read', async () => {
    const probes = new SoakProbes(idleRuntime);
    try {
      spendCpu(120);
      await new Promise((resolve) => setTimeout(resolve, 20));
      probes.read();
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(probes.read().loopDelayMaxMs).toBeLessThan(100);
    } finally {
      probes.stop();
    }
  });

  it('counts the CPU and memory of child processes (dynalite runs as one)', async () => {
    const probes = new SoakProbes(idleRuntime);
    // Holds 64 MB it has written to (resident, not just reserved) while it spins.
    const child = spawn(process.execPath, ['-e', 'const held = Buffer.alloc(64 * 1024 * 1024, 1); const end = Date.now() + 600; while (Date.now() < end) {} held.at(0);'], { stdio: 'ignore' });
    try {
      await once(child, 'spawn');
      await new Promise((resolve) => setTimeout(resolve, 450));
      // Read while the child is alive: /proc lists it only until it is reaped.
      const reading = probes.read();

      expect(reading.childCpuPercent).toBeGreaterThan(20);
      expect(reading.childRssMb).toBeGreaterThan(64);
    } finally {
      child.kill();
      probes.stop();
    }
  });

  it('keeps the deepest queue sampled in the window per reading-path function', async () => {
    let depth = 7;
    const probes = new SoakProbes(runtimeWith(() => ({ 'store-readings': { queueDepth: depth, p99DurationMs: 42, workers: 4 } })));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      depth = 1;
      const first = probes.read();
      const second = probes.read();

      expect(first.functions['store-readings']).toEqual({ maxQueue: 7, p99Ms: 42, workers: 4 });
      expect(second.functions['store-readings'].maxQueue).toBe(1);
      expect(first.functions['receive-readings']).toEqual({ maxQueue: 0, p99Ms: Number.NaN, workers: 0 });
    } finally {
      probes.stop();
    }
  });
});
