import { mkdirSync, createWriteStream } from 'node:fs';
import { dirname } from 'node:path';

export interface FunctionLog {
  write(functionName: string, line: string): void;
  close(): Promise<void>;
}

/**
 * Every function line goes to `.local/logs/functions.log` (one JSON log or EMF document per
 * line, prefixed with the function); errors also reach the console, where a person looks.
 */
export function createFunctionLog(file: string, log: (line: string) => void, forward?: (functionName: string, line: string) => void): FunctionLog {
  mkdirSync(dirname(file), { recursive: true });
  const stream = createWriteStream(file, { flags: 'a' });
  return {
    write(functionName, line) {
      stream.write(`${functionName} ${line}\n`);
      forward?.(functionName, line);
      if (isError(line)) log(`[${functionName}] ${summary(line)}`);
    },
    close: () => new Promise<void>((resolve) => stream.end(resolve)),
  };
}

function isError(line: string): boolean {
  if (!line.startsWith('{')) return /\b(Error|ERROR)\b/.test(line);
  return /"level"\s*:\s*"(ERROR|CRITICAL)"/.test(line);
}

/** Powertools' JSON error line, shortened to what a person reads first. */
function summary(line: string): string {
  try {
    const entry = JSON.parse(line) as { message?: string; error?: { name?: string; message?: string } };
    const error = entry.error ? ` (${entry.error.name ?? 'Error'}: ${entry.error.message ?? ''})` : '';
    return `${entry.message ?? ''}${error}`.slice(0, 500);
  } catch {
    return line.slice(0, 500);
  }
}
