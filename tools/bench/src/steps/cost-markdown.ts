import { byCategory, type CostReport, type DesignCost } from '../cost/cost-model';
import type { TradeOff } from '../cost/trade-offs';
import { fmt, table } from '../report/markdown-format';

export interface CostTargets {
  /** Deployed / naive monthly cost. */
  readonly ratioToNaive: number;
  readonly perMillionReadingsUsd: number;
}

export interface CostMarkdownInput {
  readonly report: CostReport;
  readonly tradeOffs: readonly TradeOff[];
  /** Where step 5's measurements came from. */
  readonly from: string;
  readonly targets: CostTargets;
}

const usd = (v: number) => `$${fmt(v, 2)}`;
const sign = (v: number) => (v < 0 ? '−' : '+');

/** Step 6's Markdown: both designs' bills, the trade-off table, then each bill line by line. */
export function costMarkdown({ report, tradeOffs, from, targets }: CostMarkdownInput): string {
  const w = report.workload;
  const summary = table(
    ['design', 'monthly', 'per million readings', 'events & invocations'],
    [
      [`deployed (batches of ${report.deployed.batchSize})`, usd(report.deployed.monthlyUsd), `$${fmt(report.deployed.perMillionReadingsUsd, 3)}`, 'one per batch per hop'],
      ['naive', usd(report.naive.monthlyUsd), `$${fmt(report.naive.perMillionReadingsUsd, 3)}`, 'one per reading per hop'],
    ],
  );
  const categories = (cost: DesignCost) => byCategory(cost).map((c) => `${c.category} ${usd(c.monthlyUsd)} (${fmt(100 * c.share, 0)} %)`).join(', ');
  return [
    `Workload: ${fmt(w.readingsPerSecond, 0)} readings/s (${fmt(report.readingsPerMonth / 1e6, 0)} M a month of ${w.hoursPerMonth} h), gateway batches of ${w.batchSize}, ${w.retentionDays}-day retention. Prices of ${report.pricesAsOf} (us-east-1, arm64, free tiers ignored). Measurements: ${from}.`,
    `Assumptions: ${w.zonesPerBatch} zone per batch, ${fmt(100 * w.zonedFraction, 0)} % of readings zoned, devices report every ${w.reportIntervalSeconds} s over ${w.warmContainers} warm containers, ${w.awsCallLatencyMs} ms per awaited AWS call, 1 vCPU at ${w.lambdaFullVcpuMb} MB, ${w.apiKeys} API keys, ${w.rateLimitWritesPerRequest} rate-limit WRU per HTTP request, logs kept ${w.logRetentionDays} days, archive ${w.archiveRetentionDays} days, PITR ${w.pointInTimeRecovery ? 'on' : 'off'}, X-Ray sampling ${w.xrayReservoirPerSecond}/s + ${fmt(100 * w.xraySampleRate, 0)} %.`,
    '',
    summary,
    '',
    `Deployed is ${fmt(report.ratioToNaive, 3)} × naive (target ≤ ${targets.ratioToNaive}); target ≤ $${targets.perMillionReadingsUsd} per million readings.`,
    '',
    `Deployed by category: ${categories(report.deployed)}.`,
    `Naive by category: ${categories(report.naive)}.`,
    '',
    tradeOffMarkdown(tradeOffs, targets),
    '',
    'Where each dollar goes, deployed design (line items over $0.01):',
    '',
    linesTable(report.deployed),
    '',
    'Naive design (line items over $0.01):',
    '',
    linesTable(report.naive),
  ].join('\n');
}

/** The trade-off table, which rows meet the $ per million target, and what each row changes and gives up. */
export function tradeOffMarkdown(rows: readonly TradeOff[], targets: CostTargets): string {
  const meets = (row: TradeOff) => row.perMillionReadingsUsd <= targets.perMillionReadingsUsd;
  const design = rows[0];
  const under = rows.filter(meets).map((row) => row.name);
  const summary = table(
    ['design', 'monthly', 'per million readings', `× naive (≤ ${targets.ratioToNaive})`, 'against the design', `≤ $${targets.perMillionReadingsUsd} / M`],
    rows.map((row, i) => [
      i === 0 ? `**${row.name}**` : row.name,
      usd(row.monthlyUsd),
      `$${fmt(row.perMillionReadingsUsd, 3)}`,
      fmt(row.ratioToNaive, 3),
      i === 0 ? '–' : `${sign(row.deltaMonthlyUsd)}$${fmt(Math.abs(row.deltaMonthlyUsd), 2)} (${sign(row.deltaMonthlyUsd)}${fmt(Math.abs((100 * row.deltaMonthlyUsd) / design.monthlyUsd), 1)} %)`,
      meets(row) ? '✓' : '✗',
    ]),
  );
  const details = rows.slice(1).map((row) => {
    const lines = row.changedLines.map((c) => `${c.item} ${usd(c.designUsd)} → ${usd(c.alternativeUsd)}`).join('; ');
    const change = row.parts ? `the changes of ${row.parts.join(' and ')}` : row.change;
    const givesUp = row.parts ? 'what they give up' : row.givesUp || 'nothing a user sees';
    return `- **${row.name}**: ${change}. Lines: ${lines || 'none'}. Gives up: ${givesUp}.`;
  });
  return [
    `Trade-offs: the deployed design for this workload priced by the same model under named alternatives, each a change of the data model or the archive only (Lambda, events and item sizes stay as measured for the design). × naive compares with the naive design under the same change, so it measures batching alone.`,
    '',
    summary,
    '',
    under.length > 0 ? `Under $${targets.perMillionReadingsUsd} per million readings: ${under.join('; ')}.` : `No row is under $${targets.perMillionReadingsUsd} per million readings.`,
    '',
    ...details,
    '',
    'Assumptions of the alternatives: an item holding several readings is priced as the sum of their measured sizes (an upper bound: they share its key attributes) and split over several items past 400 KB; zone buckets live in a derived table without PITR, like the index they replace; reads of the zone view are priced in no row.',
  ].join('\n');
}

function linesTable(cost: DesignCost): string {
  const rows = [...cost.lines]
    .filter((l) => l.monthlyUsd >= 0.01)
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
    .map((l) => [l.category, l.item, `${quantity(l.quantity)} ${l.unit}`, `$${l.unitPriceUsd.toPrecision(3)}`, `$${fmt(l.monthlyUsd, 2)}`, `${fmt((100 * l.monthlyUsd) / cost.monthlyUsd, 1)} %`]);
  return table(['category', 'item', 'quantity / month', 'unit price', 'monthly', 'share'], rows);
}

function quantity(value: number): string {
  if (value >= 1e9) return `${fmt(value / 1e9, 2)} G`;
  if (value >= 1e6) return `${fmt(value / 1e6, 2)} M`;
  if (value >= 1e3) return `${fmt(value / 1e3, 1)} k`;
  return fmt(value, 2);
}
