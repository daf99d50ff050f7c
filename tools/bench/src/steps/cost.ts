import path from 'node:path';
import { costModel } from '../cost/cost-model';
import type { Measured } from '../cost/measured';
import { loadPrices, PRICES_FILE } from '../cost/prices';
import { tradeOffs } from '../cost/trade-offs';
import { workloadWith } from '../cost/workload';
import { latestStepRecord } from '../harness/results';
import type { Step, StepContext, StepResult } from '../harness/step';
import { fmt } from '../report/markdown-format';
import { costMarkdown } from './cost-markdown';
import { CPU_STEP_ID, type CpuDetail } from './cpu-per-hop';

export const COST_STEP_ID = 'cost';
export const COST_RATIO_TARGET = 0.2;
export const COST_PER_MILLION_TARGET_USD = 1.5;

/**
 * Step 6: the monthly bill of the deployed design for a workload, and of the naive design, from
 * the dated prices and step 5's measurements (this run's, else the newest results file's), and
 * the deployed design priced under named data-model alternatives (the trade-off table).
 */
export function costStep(): Step {
  return { id: COST_STEP_ID, order: 6, title: 'Cost model', run: runCost };
}

async function runCost(context: StepContext): Promise<StepResult> {
  const { measured, from } = await measurements(context);
  const prices = loadPrices();
  const workload = workloadWith(context.options.workload);
  const report = costModel(workload, prices, measured);
  const alternatives = tradeOffs(workload, prices, measured);
  const misses = [
    ...(report.ratioToNaive > COST_RATIO_TARGET ? [`deployed/naive cost ratio ${fmt(report.ratioToNaive, 3)} > ${COST_RATIO_TARGET}`] : []),
    ...(report.deployed.perMillionReadingsUsd > COST_PER_MILLION_TARGET_USD
      ? [`$${fmt(report.deployed.perMillionReadingsUsd, 3)} per million readings > $${COST_PER_MILLION_TARGET_USD} (the trade-off table shows which data-model changes get under it)`]
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
    markdown: costMarkdown({ report, tradeOffs: alternatives, from, targets: { ratioToNaive: COST_RATIO_TARGET, perMillionReadingsUsd: COST_PER_MILLION_TARGET_USD } }),
    detail: { report, tradeOffs: alternatives, measuredFrom: from, pricesFile: path.basename(PRICES_FILE) },
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
