import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPrices } from './prices';

describe('loadPrices', () => {
  it('reads the dated copy kept in the repo', () => {
    // Act
    const prices = loadPrices();
    // Assess
    expect(prices.asOf).toBe('2026-11-22');
    expect(prices.lambda.perGbSecondArm64).toBeGreaterThan(0);
  });

  it('names what is missing from a price list', () => {
    // Prepare
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-prices-'));
    const file = path.join(dir, 'prices.json');
    writeFileSync(file, JSON.stringify({ asOf: '2026-01-01', lambda: { perMillionRequests: 0.2 } }));
    try {
      // Act / Assess
      expect(() => loadPrices(file)).toThrow(/lambda\.perGbSecondArm64/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
