import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { serviceGenerator } from './generator';

const workspaceRoot = join(__dirname, '..', '..', '..', '..', '..');

interface ProjectJson {
  name: string;
  tags: string[];
  targets: Record<string, { executor?: string; dependsOn?: unknown[]; options?: Record<string, unknown> }>;
}

let tree: Tree;
const read = (path: string) => tree.read(path, 'utf-8') ?? '';

// Prepare: an empty workspace seeded with Pulse's real tsconfig.base.json, so aliases are added beside the real ones.
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
  tree.write('tsconfig.base.json', readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf-8'));
});

describe('service generator', () => {
  it('scaffolds apps/<name> with the files apps/transform has', () => {
    // Act
    serviceGenerator(tree, { name: 'air-forecast' });

    // Assess
    const expected = [
      'README.md',
      'bench/air-forecast.bench.ts',
      'infra/air-forecast-stack.spec.ts',
      'infra/air-forecast-stack.ts',
      'jest.config.cjs',
      'project.json',
      'src/domain/summarise-event.spec.ts',
      'src/domain/summarise-event.ts',
      'src/handlers/handle-air-forecast-event.spec.ts',
      'src/handlers/handle-air-forecast-event.ts',
      'src/index.ts',
      'src/service.ts',
      'src/subscription.ts',
      'tsconfig.json',
    ];
    for (const file of expected) expect(tree.exists(`apps/air-forecast/${file}`)).toBe(true);
    expect(tree.children('apps/air-forecast').sort()).toEqual(['README.md', 'bench', 'infra', 'jest.config.cjs', 'project.json', 'src', 'tsconfig.json']);
  });

  it('writes a project.json with the service tags, an esbuild bundle per function, and synth/deploy like the others', () => {
    // Act
    serviceGenerator(tree, { name: 'forecast' });

    // Assess
    const project = readJson<ProjectJson>(tree, 'apps/forecast/project.json');
    expect(project.name).toBe('forecast');
    expect(project.tags).toEqual(['scope:forecast', 'type:app']);
    expect(project.targets['build-handle-forecast-event']).toEqual({
      executor: '@nx/esbuild:esbuild',
      options: { main: 'apps/forecast/src/handlers/handle-forecast-event.ts', outputPath: 'dist/apps/forecast/handle-forecast-event' },
    });
    expect(project.targets.build).toEqual({ executor: 'nx:noop', dependsOn: ['build-handle-forecast-event'] });
    expect(project.targets.synth.dependsOn).toEqual([{ projects: ['infra'], target: 'synth' }]);
    expect(project.targets.deploy.options?.command).toContain('Pulse-{args.env}-Forecast --exclusively');
    expect(Object.keys(project.targets).sort()).toEqual(['bench', 'build', 'build-handle-forecast-event', 'deploy', 'synth', 'typecheck']);
  });

  it('declares the service with defineService and subscribes its one function to the chosen contract', () => {
    // Act
    serviceGenerator(tree, { name: 'forecast', consumes: 'ReadingsEnrichedV1' });

    // Assess
    const service = read('apps/forecast/src/service.ts');
    expect(service).toContain("import { defineService } from '@pulse/service-kit';");
    expect(service).toContain("name: 'forecast',");
    expect(service).toContain("handler: 'src/handlers/handle-forecast-event.ts',");
    const subscription = read('apps/forecast/src/subscription.ts');
    expect(subscription).toContain("import { ReadingsEnrichedV1 } from '@pulse/schemas';");
    expect(subscription).toContain("export const FORECAST_FUNCTION = 'handle-forecast-event';");
    expect(subscription).toContain('pattern: patternFor(ReadingsEnrichedV1),');
    expect(subscription).toContain("deadLetterQueue: DEAD_LETTER_QUEUE,");
    expect(subscription).toContain("export const DEAD_LETTER_QUEUE = 'forecast-dlq';");
    expect(read('apps/forecast/src/handlers/handle-forecast-event.ts')).toContain('ReadingsEnrichedV1.validate(event.detail)');
  });

  it('consumes ReadingsNormalizedV1 when no contract is given', () => {
    // Act
    serviceGenerator(tree, { name: 'forecast' });

    // Assess
    expect(read('apps/forecast/src/subscription.ts')).toContain('pattern: patternFor(ReadingsNormalizedV1),');
  });

  it('builds the stack class from the declaration, named for the service', () => {
    // Act
    serviceGenerator(tree, { name: 'air-forecast' });

    // Assess
    const stack = read('apps/air-forecast/infra/air-forecast-stack.ts');
    expect(stack).toContain('export class AirForecastStack extends Stack');
    expect(stack).toContain("new PulseService(this, 'AirForecast', { declaration: service");
    const spec = read('apps/air-forecast/infra/air-forecast-stack.spec.ts');
    expect(spec).toContain("new AirForecastStack(app, 'Pulse-dev-AirForecast', props)");
    expect(spec).toContain("FunctionName: 'pulse-dev-air-forecast-handle-air-forecast-event'");
  });

  it('leaves no template syntax in any generated file', () => {
    // Act
    serviceGenerator(tree, { name: 'forecast' });

    // Assess
    const offenders = tree
      .listChanges()
      .filter((change) => change.path.startsWith('apps/forecast/'))
      .filter((change) => /<%|%>|__tmpl__|__name__|__functionName__/.test(`${change.path}\n${change.content?.toString() ?? ''}`))
      .map((change) => change.path);
    expect(offenders).toEqual([]);
  });

  it('adds @pulse/<name> and @pulse/<name>/infra to tsconfig.base.json, keeping the existing aliases', () => {
    // Act
    serviceGenerator(tree, { name: 'forecast' });

    // Assess
    const paths = readJson<{ compilerOptions: { paths: Record<string, string[]> } }>(tree, 'tsconfig.base.json').compilerOptions.paths;
    expect(paths['@pulse/forecast']).toEqual(['apps/forecast/src/index.ts']);
    expect(paths['@pulse/forecast/infra']).toEqual(['apps/forecast/infra/forecast-stack.ts']);
    expect(paths['@pulse/transform/infra']).toEqual(['apps/transform/infra/transform-stack.ts']);
  });

  it('refuses a name that is not kebab-case, and a service that already exists', () => {
    // Prepare
    serviceGenerator(tree, { name: 'forecast' });

    // Act / Assess
    expect(() => serviceGenerator(tree, { name: 'Forecast_2' })).toThrow(/kebab-case/);
    expect(() => serviceGenerator(tree, { name: 'forecast' })).toThrow('apps/forecast already exists');
  });
});
