import { ReadingsNormalizedV1 } from '@pulse/schemas';
import { createPowertools } from '@pulse/service-kit';
import { recordNormalizeMetrics } from './normalize-metrics';

/** Powertools writes EMF blobs as JSON lines on stdout; capture and parse them. */
function captureStdout() {
  const lines: Record<string, unknown>[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe('recordNormalizeMetrics', () => {
  it('counts readings and duplicates, and quality flags per code with a code dimension', () => {
    // Prepare
    const stdout = captureStdout();
    const { metrics } = createPowertools({ serviceName: 'transform' });
    const outcome = {
      data: { ...ReadingsNormalizedV1.sample.detail.data, duplicatesRemoved: 3 },
      flagCounts: { 'suspect-unit': 2, 'sudden-jump': 1 },
    };

    // Act
    try {
      recordNormalizeMetrics(metrics, outcome);
      metrics.publishStoredMetrics();
    } finally {
      stdout.restore();
    }

    // Assess
    const perCode = stdout.lines.filter((l) => 'qualityFlags' in l).map((l) => [l.code, l.qualityFlags, l.service]);
    expect(perCode).toEqual([
      ['suspect-unit', 2, 'transform'],
      ['sudden-jump', 1, 'transform'],
    ]);
    const batch = stdout.lines.find((l) => 'readingsNormalized' in l);
    expect(batch).toMatchObject({ readingsNormalized: 2, duplicatesRemoved: 3, service: 'transform' });
  });
});
