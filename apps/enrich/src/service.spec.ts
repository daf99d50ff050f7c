import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadingsEnrichedV1 } from '@pulse/schemas';
import { declarationProblems, functionBundlePath, tableNameEnv, validateServices } from '@pulse/service-kit';
import { service } from './index';

const appRoot = join(__dirname, '..');
const project = JSON.parse(readFileSync(join(appRoot, 'project.json'), 'utf8')) as {
  targets: Record<string, { options?: { main?: string; outputPath?: string } }>;
};

describe('enrich service declaration', () => {
  it('passes the kit checks, alone and across services', () => {
    // Act + Assess
    expect(declarationProblems(service)).toEqual([]);
    expect(() => validateServices([service])).not.toThrow();
  });

  it.each(service.functions.map((f) => [f.name, f] as const))('builds function %s from its declared handler into the conventional bundle', (name, fn) => {
    // Act
    const target = project.targets[`build-${name}`]?.options;

    // Assess
    expect(existsSync(join(appRoot, fn.handler))).toBe(true);
    expect(target?.main).toBe(`apps/enrich/${fn.handler}`);
    expect(`${target?.outputPath}/index.js`).toBe(functionBundlePath('enrich', name));
  });

  it('keys DeviceProjection by fleetId then deviceId, read by enrich-readings through PULSE_TABLE_DEVICE_PROJECTION', () => {
    // Act
    const [table] = service.tables ?? [];
    const reader = service.functions.find((f) => f.name === 'enrich-readings');

    // Assess
    expect(table).toMatchObject({ name: 'DeviceProjection', partitionKey: { name: 'fleetId', type: 'S' }, sortKey: { name: 'deviceId', type: 'S' } });
    expect(tableNameEnv(table!.name)).toBe('PULSE_TABLE_DEVICE_PROJECTION');
    expect(reader?.environment).toMatchObject({ bus: true, tables: [{ table: 'DeviceProjection', access: 'read' }] });
  });

  it('emits only ReadingsEnriched', () => {
    // Act + Assess
    expect(service.emits).toEqual([ReadingsEnrichedV1]);
  });
});
