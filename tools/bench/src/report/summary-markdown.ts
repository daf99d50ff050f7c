import type { BenchResults } from '../harness/results';

/** The Markdown printed on stdout: machine, each step's tables, then every missed target. */
export function summaryMarkdown(results: BenchResults, file?: string): string {
  const m = results.machine;
  const lines = [
    `# Pulse bench — ${results.startedAt}${results.quick ? ' (--quick)' : ''}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverage}.`,
    'Each figure is the median of the runs after a warm-up, with [min – max] and the number of runs.',
  ];
  if (file) lines.push(`Results: \`${file}\``);
  for (const step of results.steps) {
    lines.push('', `## ${step.order}. ${step.title}`, '');
    if (step.status === 'failed') lines.push(`**Failed** after ${(step.durationMs / 1000).toFixed(1)} s: ${step.error ?? 'unknown error'}`);
    else lines.push(step.markdown.trim(), '', `_${(step.durationMs / 1000).toFixed(1)} s_`);
  }
  const misses = results.steps.flatMap((s) => s.misses.map((miss) => `- ${s.order}. ${s.title}: ${miss}`));
  lines.push('', '## Targets missed', '', ...(misses.length > 0 ? misses : ['None of the measured targets was missed.']));
  return `${lines.join('\n')}\n`;
}
