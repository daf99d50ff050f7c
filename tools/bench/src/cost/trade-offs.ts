import { costModel, type CostCategory, type CostLine } from './cost-model';
import { AS_DESIGNED, type DesignChoices } from './design-choices';
import { DESIGN_ALTERNATIVES, type DesignAlternative } from './design-alternatives';
import type { Measured } from './measured';
import type { Prices } from './prices';
import type { Workload } from './workload';

/** A line of the deployed design's bill that an alternative changes (absent on one side: $0 there). */
export interface LineChange {
  readonly category: CostCategory;
  readonly item: string;
  readonly designUsd: number;
  readonly alternativeUsd: number;
}

export interface TradeOff {
  readonly name: string;
  readonly change: string;
  readonly givesUp: string;
  /** For a combination, the names of the alternatives it applies. */
  readonly parts?: readonly string[];
  readonly workload: Workload;
  readonly choices: DesignChoices;
  readonly monthlyUsd: number;
  readonly perMillionReadingsUsd: number;
  /** Against the naive design with the same data model and archive: what batching saves. */
  readonly ratioToNaive: number;
  /** Monthly dollars against the first row's design (negative: cheaper). */
  readonly deltaMonthlyUsd: number;
  /** The deployed bill's lines that differ from the first row's, largest change first. */
  readonly changedLines: readonly LineChange[];
}

/**
 * The deployed design priced under each alternative: each row is `costModel` on the
 * alternative's transformation of (workload, design choices); the first row is the baseline
 * every other row is compared with.
 */
export function tradeOffs(workload: Workload, prices: Prices, measured: Measured, alternatives: readonly DesignAlternative[] = DESIGN_ALTERNATIVES): TradeOff[] {
  const priced = alternatives.map((alternative) => {
    const inputs = alternative.apply({ workload, choices: AS_DESIGNED });
    return { alternative, inputs, report: costModel(inputs.workload, prices, measured, inputs.choices) };
  });
  const baseline = priced[0]?.report.deployed;
  return priced.map(({ alternative, inputs, report }) => ({
    name: alternative.name,
    change: alternative.change,
    givesUp: alternative.givesUp,
    ...(alternative.parts ? { parts: alternative.parts } : {}),
    workload: inputs.workload,
    choices: inputs.choices,
    monthlyUsd: report.deployed.monthlyUsd,
    perMillionReadingsUsd: report.deployed.perMillionReadingsUsd,
    ratioToNaive: report.ratioToNaive,
    deltaMonthlyUsd: report.deployed.monthlyUsd - (baseline?.monthlyUsd ?? 0),
    changedLines: baseline ? lineChanges(baseline.lines, report.deployed.lines) : [],
  }));
}

/**
 * Lines matched by category and item up to its first " (" (the parenthesis qualifies the same
 * line: `archive ingest (every event)` is `archive ingest (ReadingsReceived)` changed); a change
 * under half a cent is no change.
 */
export function lineChanges(design: readonly CostLine[], alternative: readonly CostLine[]): LineChange[] {
  const key = (line: CostLine) => `${line.category}|${line.item.split(' (')[0]}`;
  const changes = new Map<string, LineChange>();
  for (const line of design) changes.set(key(line), { category: line.category, item: line.item, designUsd: line.monthlyUsd, alternativeUsd: 0 });
  for (const line of alternative) {
    const before = changes.get(key(line));
    changes.set(key(line), { category: line.category, item: line.item, designUsd: before?.designUsd ?? 0, alternativeUsd: line.monthlyUsd });
  }
  return [...changes.values()]
    .filter((c) => Math.abs(c.alternativeUsd - c.designUsd) >= 0.005)
    .sort((a, b) => Math.abs(b.alternativeUsd - b.designUsd) - Math.abs(a.alternativeUsd - a.designUsd));
}
