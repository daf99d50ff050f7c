import { run } from '../main';

/** Runs `pulse <args>` in-process, capturing what it writes, for the CLI's specs. */
export async function runPulse(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { stdout: '', stderr: '' };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c) => ((output.stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c) => ((output.stderr += String(c)), true));
  try {
    const code = await run(['node', 'pulse', ...args]);
    return { code, ...output };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
