import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionSpec } from '../function-spec';

/** Handler bundles written on the fly, so tests never depend on `nx build` of the apps. */
export interface FixtureBundles {
  /** Writes `<name>/index.js` with the given CommonJS source and returns a spec for it. */
  add(name: string, source: string, overrides?: Partial<FunctionSpec>): FunctionSpec;
  remove(): void;
}

export function fixtureBundles(): FixtureBundles {
  const root = mkdtempSync(path.join(tmpdir(), 'function-runner-'));
  return {
    add(name, source, overrides = {}) {
      const bundlePath = path.join(root, name, 'index.js');
      mkdirSync(path.dirname(bundlePath), { recursive: true });
      writeFileSync(bundlePath, source);
      return {
        name,
        service: 'fixture',
        bundlePath,
        handlerExport: 'handler',
        timeoutSeconds: 5,
        memoryMb: 128,
        environment: {},
        ...overrides,
      };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Collects what functions log, and lets a test wait for a line without fixed sleeps. */
export function logCollector() {
  const lines: { functionName: string; line: string }[] = [];
  return {
    lines,
    onLog: (functionName: string, line: string) => {
      lines.push({ functionName, line });
    },
    of: (functionName: string) => lines.filter((entry) => entry.functionName === functionName).map((entry) => entry.line),
  };
}
