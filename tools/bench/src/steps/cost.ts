import path from 'node:path';
import { byCategory, costModel, type CostReport, type DesignCost } from '../cost/cost-model';
import type { Measured } from '../cost/measured';
import { loadPrices, PRICES_FILE } from '../cost/prices';
import { workloadWith } from '../cost/workload';
import { latestStepRecord } from '../harness/results';
import type { Step, StepContext, StepResult } from '../harness/step';
import { fmt, table } from '../report/markdown-format';
import { CPU_STEP_ID, type CpuDetail } from './cpu-per-hop';

export const COST_STEP_ID = 'cost';
export const COST_RATIO_TARGET = 0.2;
export const COST_PER_MILLION_TARGET_USD = 1.5;

/**
 * Step 6: the monthly bill of the deployed design for a workload, and of the naive design, from
 * the dated prices and step 5's measurements (this run's, else the newest results file's).
 */
export function costStep(): Step {
  return { id: COST_STEP_ID, order: 6, title: 'Cost model', run: runCost };
}

async function runCost(context: StepContext): Promise<StepResult> {
  const { measured, from } = await measurements(context);
  const prices = loadPrices();
  const report = costModel(workloadWith(context.options.workload), prices, measured);
  const misses = [
    ...(report.ratioToNaive > COST_RATIO_TARGET ? [`deployed/naive cost ratio ${fmt(report.ratioToNaive, 3)} > ${COST_RATIO_TARGET}`] : []),
    ...(report.deployed.perMillionReadingsUsd > COST_PER_MILLION_TARGET_USD
      ? [`$${fmt(report.deployed.perMillionReadingsUsd, 3)} per million readings > $${COST_PER_MILLION_TARGET_USD} (see the DynamoDB lines: the byZone index doubles the write cost)`]
      : []),
  ];
  const one = (value: number) => ({ median: value, min: value, max: value, runs: 1 });
  return {
    figures: [
      { name: 'deployed.monthly-usd', unit: 'USD / month', stats: one(report.deployed.monthlyUsd) },
      { name: 'deployed.usd-per-million-readings', unit: 'USD / 1M readings', stats: one(report.deployed.perMillionReadingsUsd) },
      { name: 'naive.monthly-usd', unit: 'USD / month', stats: one(report.naive.monthlyUsd) },
      { name: 'ratio-to-naive', unit: 'ratio', stats: one(report.ratioToNaive) },
    ],
    markdown: costMarkdown(report, from),
    detail: { report, measuredFrom: from, pricesFile: path.basename(PRICES_FILE) },
    misses,
  };
}

async function measurements(context: StepContext): Promise<{ measured: Measured; from: string }> {
  const here = context.resultOf(CPU_STEP_ID)?.detail as CpuDetail | undefined;
  if (here) return { measured: here.measured, from: 'step 5 of this run' };
  const latest = await latestStepRecord(context.options.outDir, CPU_STEP_ID);
  const measured = (latest?.record.detail as CpuDetail | undefined)?.measured;
  if (!latest || !measured) throw new Error(`no measurements: run step 5 (${CPU_STEP_ID}) with this step, or once before it`);
  context.log(`using step 5's measurements from ${latest.file}`);
  return { measured, from: path.basename(latest.file) };
}

function costMarkdown(report: CostReport, from: string): string {
  const w = report.workload;
  const usd = (v: number) => `$${fmt(v, 2)}`;
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
    `Assumptions: ${w.zonesPerBatch} zone per batch, ${fmt(100 * w.zonedFraction, 0)} % of readings zoned, devices report every ${w.reportIntervalSeconds} s over ${w.warmContainers} warm containers, ${w.awsCallLatencyMs} ms per awaited AWS call, 1 vCPU at ${w.lambdaFullVcpuMb} MB, ${w.apiKeys} API keys, logs kept ${w.logRetentionDays} days, archive ${w.archiveRetentionDays} days, PITR ${w.pointInTimeRecovery ? 'on' : 'off'}, X-Ray sampling ${w.xrayReservoirPerSecond}/s + ${fmt(100 * w.xraySampleRate, 0)} %.`,
    '',
    summary,
    '',
    `Deployed is ${fmt(report.ratioToNaive, 3)} × naive (target ≤ ${COST_RATIO_TARGET}); target ≤ $${COST_PER_MILLION_TARGET_USD} per million readings.`,
    '',
    `Deployed by category: ${categories(report.deployed)}.`,
    `Naive by category: ${categories(report.naive)}.`,
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
