import { ReadingsNormalizedV1 } from '@pulse/schemas';
import { declarationProblems, functionBundlePath, validateServices } from '@pulse/service-kit';
import { service } from './index';

describe('transform declaration', () => {
  it('is a valid, stateless service with one function publishing to the bus', () => {
    // Act
    const problems = declarationProblems(service);

    // Assess
    expect(problems).toEqual([]);
    expect(service.tables ?? []).toEqual([]);
    expect(service.routes ?? []).toEqual([]);
    expect(service.functions.map((f) => [f.name, f.handler, f.environment])).toEqual([
      ['normalize-readings', 'src/handlers/normalize-readings.ts', { bus: true }],
    ]);
  });

  it('emits only ReadingsNormalized and passes the cross-service checks alone', () => {
    // Act / Assess
    expect(service.emits).toEqual([ReadingsNormalizedV1]);
    expect(() => validateServices([service])).not.toThrow();
  });

  it('bundles its function where the build convention says', () => {
    // Act
    const bundle = functionBundlePath(service, service.functions[0]);

    // Assess
    expect(bundle).toBe('dist/apps/transform/normalize-readings/index.js');
  });
});
