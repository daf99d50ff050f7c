import type { SimulationStatus } from './run-simulation';

/** One line for the terminal: what was sent and what the API made of it. */
export function formatStatus(status: SimulationStatus): string {
  const rules = Object.entries(status.rejectedByRule)
    .sort(([, a], [, b]) => b - a)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  const rate = status.elapsedMs > 0 ? Math.round((status.sent / status.elapsedMs) * 1000) : 0;
  return [
    `sim ${new Date(status.simulatedMs).toISOString().slice(0, 16)}Z`,
    `sent ${status.sent} (${rate}/s)`,
    `accepted ${status.accepted}`,
    `rejected ${status.rejected}${rules ? ` (${rules})` : ''}`,
    `429s ${status.throttled}`,
    `503s ${status.unavailable}`,
    `failed ${status.failed}`,
  ].join(' | ');
}
