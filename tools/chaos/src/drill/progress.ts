export interface Progress {
  stop(): void;
}

/** One line every `everyMs` while a long run works, so a person sees it move. */
export function progressReporter(log: (line: string) => void, everyMs: number, describe: () => string): Progress {
  const timer = setInterval(() => log(describe()), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
