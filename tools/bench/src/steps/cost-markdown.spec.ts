import { AS_DESIGNED } from '../cost/design-choices';
import type { TradeOff } from '../cost/trade-offs';
import { REFERENCE_WORKLOAD } from '../cost/workload';
import { tradeOffMarkdown } from './cost-markdown';

const TARGETS = { ratioToNaive: 0.2, perMillionReadingsUsd: 1.5 };
const row = (name: string, perMillionReadingsUsd: number, extra: Partial<TradeOff> = {}): TradeOff => ({
  name,
  change: `${name} change`,
  givesUp: `${name} loss`,
  workload: REFERENCE_WORKLOAD,
  choices: AS_DESIGNED,
  monthlyUsd: perMillionReadingsUsd * 1000,
  perMillionReadingsUsd,
  ratioToNaive: 0.1,
  deltaMonthlyUsd: perMillionReadingsUsd * 1000 - 2000,
  changedLines: [],
  ...extra,
});

describe('tradeOffMarkdown', () => {
  it('marks the rows at or under the $ per million target and names them', () => {
    // Act
    const markdown = tradeOffMarkdown([row('as designed', 2), row('cheaper', 1.5), row('a bit cheaper', 1.6)], TARGETS);
    // Assess
    expect(markdown).toMatch(/\| \*\*as designed\*\* \| \$2,000\.00 \| \$2\.000 \| 0\.100 \| – \| ✗ \|/);
    expect(markdown).toMatch(/\| cheaper \| \$1,500\.00 \| \$1\.500 \| 0\.100 \| −\$500\.00 \(−25\.0 %\) \| ✓ \|/);
    expect(markdown).toMatch(/\| a bit cheaper .* \| ✗ \|/);
    expect(markdown).toContain('Under $1.5 per million readings: cheaper.');
  });

  it('lists each alternative’s changed lines and what it gives up; a combination by its parts', () => {
    // Prepare
    const changedLines = [{ category: 'DynamoDB' as const, item: 'writes: Readings byZone index', designUsd: 1642.5, alternativeUsd: 0 }];
    // Act
    const markdown = tradeOffMarkdown([row('as designed', 2), row('no index', 1.6, { changedLines }), row('a + b', 1.4, { parts: ['a', 'b'] })], TARGETS);
    // Assess
    expect(markdown).toContain('- **no index**: no index change. Lines: writes: Readings byZone index $1,642.50 → $0.00. Gives up: no index loss.');
    expect(markdown).toContain('- **a + b**: the changes of a and b. Lines: none. Gives up: what they give up.');
  });

  it('says so when no row meets the target', () => {
    expect(tradeOffMarkdown([row('as designed', 2)], TARGETS)).toContain('No row is under $1.5 per million readings.');
  });
});
