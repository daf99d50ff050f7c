import type { FunctionLine } from './runtime-under-test';

/** A Powertools JSON log line, with whatever keys the function added. */
export type LogEntry = Readonly<Record<string, unknown>> & { readonly message?: string; readonly level?: string };

/** The JSON log entries one function wrote (EMF metric documents and non-JSON lines are left out). */
export function logEntriesOf(lines: readonly FunctionLine[], functionName: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const { functionName: name, line } of lines) {
    if (name !== functionName || !line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as LogEntry;
      if (typeof entry.message === 'string') entries.push(entry);
    } catch {
      // not JSON: not a Powertools entry
    }
  }
  return entries;
}
