import type { ReconcileReport } from './compare-readings';

const number = (n: number) => n.toLocaleString('en-US');
const share = (part: number, whole: number) => (whole === 0 ? '' : `${((part / whole) * 100).toFixed(2)} %`);

/** The reconciliation table for a person: counts, then why each dead letter failed. */
export function formatReconcileReport(report: ReconcileReport, title = 'reconciliation'): string {
  const rows: [string, number, string][] = [
    ['acknowledged', report.acknowledged, ''],
    ['stored', report.stored, share(report.stored, report.acknowledged)],
    ['dead-lettered', report.deadLettered, share(report.deadLettered, report.acknowledged)],
    ['missing', report.missing, share(report.missing, report.acknowledged)],
    ['duplicated', report.duplicated, `stored twice ${number(report.storedTwice)}, stored and dead-lettered ${number(report.storedAndDeadLettered)}`],
  ];
  const width = Math.max(...rows.map(([, n]) => number(n).length));
  const lines = [
    `${title}: readings acknowledged from ${report.since}${report.until ? ` to ${report.until}` : ''} — ${report.ok ? 'OK' : 'NOT OK'}`,
    ...rows.map(([name, n, note]) => `  ${name.padEnd(14)} ${number(n).padStart(width)}  ${note}`.trimEnd()),
  ];
  if (report.reasons.length === 0) lines.push('  dead-letter queues: empty');
  else {
    const table = [
      ['QUEUE', 'STORAGE PATH', 'CODE', 'MESSAGES', 'READINGS', 'REASON'],
      ...report.reasons.map((r) => [
        r.queue,
        r.onStoragePath ? 'yes' : 'no',
        r.errorCode,
        number(r.messages),
        number(r.readings),
        `${r.errorMessage}${r.exhausted ? ` (${r.exhausted})` : ''}`,
      ]),
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    lines.push('  dead letters by reason:');
    // Counts (MESSAGES, READINGS) right-aligned, text left-aligned, the reason last and unpadded.
    const align = (cell: string, column: number) => (column === 5 ? cell : column === 3 || column === 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]));
    for (const row of table) lines.push(`    ${row.map(align).join('  ')}`.trimEnd());
  }
  if (report.samples.missing.length > 0) lines.push(`  missing, e.g.: ${report.samples.missing.join(', ')}`);
  for (const d of report.samples.storedTwice) lines.push(`  stored twice: ${d.readingId} under ${d.keys.join(' and ')}`);
  for (const d of report.samples.storedAndDeadLettered) lines.push(`  stored and dead-lettered: ${d.readingId} (in ${d.queues.join(', ')})`);
  return `${lines.join('\n')}\n`;
}
