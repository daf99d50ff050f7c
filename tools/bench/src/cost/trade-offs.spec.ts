import { MEASURED_WITH_INGEST } from './__fixtures__/cost-inputs';
import { costModel, type CostLine } from './cost-model';
import { AS_DESIGNED } from './design-choices';
import {
  ARCHIVE_READINGS_RECEIVED_ONLY,
  AS_DESIGNED_ALTERNATIVE,
  combined,
  DESIGN_ALTERNATIVES,
  NO_BY_ZONE_INDEX,
  READINGS_PACKED_PER_ZONE_BATCH,
  type DesignAlternative,
} from './design-alternatives';
import { loadPrices } from './prices';
import { lineChanges, tradeOffs } from './trade-offs';
import { REFERENCE_WORKLOAD } from './workload';

const PRICES = loadPrices();
const MEASURED = MEASURED_WITH_INGEST;
const slot = (line: { category: string; item: string }) => `${line.category}|${line.item.split(' (')[0]}`;
const rows = () => tradeOffs(REFERENCE_WORKLOAD, PRICES, MEASURED);
const row = (name: string) => {
  const found = rows().find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

const INDEX_LINES = ['DynamoDB|storage: Readings', 'DynamoDB|writes: Readings byZone index', 'DynamoDB|writes: zone buckets'];
const ARCHIVE_LINES = ['EventBridge|archive ingest', 'EventBridge|archive storage'];
const PACKED_LINES = ['DynamoDB|point-in-time recovery: Readings', 'DynamoDB|storage: Readings', 'DynamoDB|writes: Readings', 'DynamoDB|writes: Readings byZone index'];

describe('tradeOffs', () => {
  it('prices the design first, unchanged: the same bill as costModel without choices', () => {
    // Act
    const [design] = rows();
    // Assess
    expect(design.name).toBe('as designed');
    expect(design.monthlyUsd).toBe(costModel(REFERENCE_WORKLOAD, PRICES, MEASURED).deployed.monthlyUsd);
    expect(design.deltaMonthlyUsd).toBe(0);
    expect(design.changedLines).toEqual([]);
    expect(design.choices).toEqual(AS_DESIGNED);
  });

  it.each([
    [NO_BY_ZONE_INDEX.name, INDEX_LINES],
    [ARCHIVE_READINGS_RECEIVED_ONLY.name, ARCHIVE_LINES],
    [READINGS_PACKED_PER_ZONE_BATCH.name, PACKED_LINES],
    [`${NO_BY_ZONE_INDEX.name} + ${ARCHIVE_READINGS_RECEIVED_ONLY.name}`, [...INDEX_LINES, ...ARCHIVE_LINES]],
    [`${READINGS_PACKED_PER_ZONE_BATCH.name} + ${ARCHIVE_READINGS_RECEIVED_ONLY.name}`, [...PACKED_LINES, ...ARCHIVE_LINES]],
  ])('%s changes exactly its lines of the bill', (name, expected) => {
    // Act
    const changed = row(name).changedLines.map(slot);
    // Assess
    expect(changed.sort()).toEqual([...expected].sort());
  });

  it('makes each row’s total the design’s plus its line changes, per million and × naive from the same bill', () => {
    // Act
    const [design, ...alternatives] = rows();
    // Assess
    const readingsMillions = (REFERENCE_WORKLOAD.readingsPerSecond * REFERENCE_WORKLOAD.hoursPerMonth * 3600) / 1e6;
    for (const alternative of alternatives) {
      const changes = alternative.changedLines.reduce((sum, c) => sum + c.alternativeUsd - c.designUsd, 0);
      expect(alternative.deltaMonthlyUsd).toBeCloseTo(changes, 2);
      expect(alternative.monthlyUsd).toBeCloseTo(design.monthlyUsd + changes, 2);
      expect(alternative.perMillionReadingsUsd * readingsMillions).toBeCloseTo(alternative.monthlyUsd, 6);
      expect(alternative.ratioToNaive).toBe(costModel(alternative.workload, PRICES, MEASURED, alternative.choices).ratioToNaive);
    }
  });

  it('cuts the lines the alternatives are about: index writes go, the archive keeps only ReadingsReceived', () => {
    // Act
    const noIndex = row(NO_BY_ZONE_INDEX.name).changedLines;
    const archive = row(ARCHIVE_READINGS_RECEIVED_ONLY.name).changedLines;
    // Assess: the index's writes drop to nothing; ReadingsReceived is 200 + 100 × 50 = 5,200 of
    // the 5,200 + (500 + 60 × 50 = 3,500) bytes archived per batch
    expect(noIndex.find((c) => c.item === 'writes: Readings byZone index')?.alternativeUsd).toBe(0);
    const ingest = archive.find((c) => c.item.startsWith('archive ingest'));
    expect(ingest?.item).toBe('archive ingest (ReadingsReceived)');
    expect(ingest!.alternativeUsd / ingest!.designUsd).toBeCloseTo(5200 / 8700, 10);
  });

  it('matches each line of every bill to one slot, so line changes pair the right lines', () => {
    for (const alternative of DESIGN_ALTERNATIVES) {
      // Act
      const inputs = alternative.apply({ workload: REFERENCE_WORKLOAD, choices: AS_DESIGNED });
      const { deployed, naive } = costModel(inputs.workload, PRICES, MEASURED, inputs.choices);
      // Assess
      for (const bill of [deployed, naive]) expect(new Set(bill.lines.map(slot)).size).toBe(bill.lines.length);
    }
  });
});

describe('design alternatives', () => {
  it('change only the design choices, never the workload, and leave their inputs alone', () => {
    // Prepare
    const inputs = Object.freeze({ workload: REFERENCE_WORKLOAD, choices: Object.freeze({ ...AS_DESIGNED }) });
    for (const alternative of DESIGN_ALTERNATIVES) {
      // Act
      const changed = alternative.apply(inputs);
      // Assess
      expect(changed.workload).toBe(REFERENCE_WORKLOAD);
      expect(inputs.choices).toEqual(AS_DESIGNED);
    }
    expect(AS_DESIGNED_ALTERNATIVE.apply(inputs)).toBe(inputs);
  });

  it('combine in order, named and described by their parts', () => {
    // Prepare
    const layout = (name: string, readingsLayout: 'zone-batch-items' | 'reading-items+zone-buckets'): DesignAlternative => ({
      name,
      change: `${name} change`,
      givesUp: name === 'b' ? '' : `${name} loss`,
      apply: (i) => ({ ...i, choices: { ...i.choices, readingsLayout } }),
    });
    // Act
    const both = combined(layout('a', 'zone-batch-items'), layout('b', 'reading-items+zone-buckets'));
    // Assess: the later part wins on the same choice
    expect(both.apply({ workload: REFERENCE_WORKLOAD, choices: AS_DESIGNED }).choices.readingsLayout).toBe('reading-items+zone-buckets');
    expect(both).toMatchObject({ name: 'a + b', change: 'a change; b change', givesUp: 'a loss', parts: ['a', 'b'] });
  });
});

describe('lineChanges', () => {
  const bill = (item: string, monthlyUsd: number): CostLine => ({ category: 'DynamoDB', item, quantity: 1, unit: 'WRU', unitPriceUsd: monthlyUsd, monthlyUsd });

  it('pairs a line with its qualified variant, keeps lines on one side only at $0 on the other, and ignores changes under half a cent', () => {
    // Act
    const changes = lineChanges(
      [bill('writes: Readings', 10), bill('writes: Readings byZone index', 10), bill('writes: ZoneStatus', 1)],
      [bill('writes: Readings (one item per zone per batch, 17 WRU)', 3), bill('writes: zone buckets', 2), bill('writes: ZoneStatus', 1.004)],
    );
    // Assess: largest change first
    expect(changes).toEqual([
      { category: 'DynamoDB', item: 'writes: Readings byZone index', designUsd: 10, alternativeUsd: 0 },
      { category: 'DynamoDB', item: 'writes: Readings (one item per zone per batch, 17 WRU)', designUsd: 10, alternativeUsd: 3 },
      { category: 'DynamoDB', item: 'writes: zone buckets', designUsd: 0, alternativeUsd: 2 },
    ]);
  });
});
