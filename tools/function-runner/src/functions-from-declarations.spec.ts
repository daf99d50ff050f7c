import { service as alert } from '@pulse/alert';
import { service as enrich } from '@pulse/enrich';
import { service as ingest } from '@pulse/ingest';
import { service as persist } from '@pulse/persist';
import { service as transform } from '@pulse/transform';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { functionsFromDeclarations } from './functions-from-declarations';

describe('functionsFromDeclarations', () => {
  const services: ServiceDeclaration[] = [ingest, transform, enrich, persist, alert];

  it("builds one spec per declared function, with its bundle path, limits and the declaration's variables under envFor's", () => {
    // Prepare
    const calls: string[] = [];
    const envFor = (service: string, fn: string) => {
      calls.push(`${service}/${fn}`);
      return { PULSE_BUS_NAME: 'pulse-local', PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS: '1' };
    };

    // Act
    const specs = functionsFromDeclarations(services, envFor, { root: '/repo' });

    // Assess
    const declared = services.flatMap((service) => service.functions.map((fn) => `${service.name}/${fn.name}`));
    expect(calls).toEqual(declared);
    expect(specs.map((spec) => `${spec.service}/${spec.name}`)).toEqual(declared);
    const enrichReadings = specs.find((spec) => spec.name === 'enrich-readings');
    expect(enrichReadings).toMatchObject({
      service: 'enrich',
      bundlePath: '/repo/dist/apps/enrich/enrich-readings/index.js',
      handlerExport: 'handler',
      timeoutSeconds: 30,
      memoryMb: 512,
    });
    expect(enrichReadings?.environment).toMatchObject({
      PULSE_BUS_NAME: 'pulse-local',
      PULSE_ENRICH_DEVICE_CACHE_TTL_SECONDS: '1',
      PULSE_ENRICH_DEVICE_CACHE_MAX_ENTRIES: '10000',
    });
  });

  it('carries a reserved concurrency over and refuses a function name declared twice', () => {
    // Prepare
    const base = transform.functions[0];
    const limited: ServiceDeclaration = { ...transform, functions: [{ ...base, reservedConcurrency: 2 }] };
    const clash: ServiceDeclaration = { ...enrich, functions: [{ ...enrich.functions[0], name: base.name }] };

    // Act
    const [spec] = functionsFromDeclarations([limited], () => ({}));
    const twice = () => functionsFromDeclarations([transform, clash], () => ({}));

    // Assess
    expect(spec.reservedConcurrency).toBe(2);
    expect(twice).toThrow(`function ${base.name} is declared by both transform and enrich`);
  });
});
