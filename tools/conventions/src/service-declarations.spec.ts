import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern } from '@pulse/event-patterns';
import { buildOpenApi, functionBundlePath, validateServices, type ServiceDeclaration } from '@pulse/service-kit';
import { workspaceRoot } from './fixture-workspace';

// Cross-service checks over every app's declaration: what one service's tests cannot see.
interface ProjectJson {
  targets?: Record<string, { executor?: string; options?: { main?: string; outputPath?: string }; dependsOn?: string[] }>;
}

const appNames = readdirSync(join(workspaceRoot, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(workspaceRoot, 'apps', entry.name, 'project.json')))
  .map((entry) => entry.name);

async function loadService(name: string): Promise<ServiceDeclaration> {
  const module = (await import(join(workspaceRoot, 'apps', name, 'src', 'index.ts'))) as { service: ServiceDeclaration };
  return module.service;
}

function projectJson(name: string): ProjectJson {
  return JSON.parse(readFileSync(join(workspaceRoot, 'apps', name, 'project.json'), 'utf8')) as ProjectJson;
}

describe('service declarations', () => {
  let services: ServiceDeclaration[];
  beforeAll(async () => {
    services = await Promise.all(appNames.map(loadService));
  });

  it('each app exports the declaration of the service it is named for', () => {
    expect(appNames.length).toBeGreaterThan(0);
    expect(services.map((s) => s.name)).toEqual(appNames);
  });

  it('every declared function has an @nx/esbuild target building its handler into the bundle path', () => {
    const problems = services.flatMap((service) => {
      const targets = projectJson(service.name).targets ?? {};
      return service.functions.flatMap((fn) => {
        const target = targets[`build-${fn.name}`];
        const expectedOut = functionBundlePath(service, fn).replace(/\/index\.js$/, '');
        const expectedMain = `apps/${service.name}/${fn.handler}`;
        if (target?.executor !== '@nx/esbuild:esbuild') return [`${service.name}:build-${fn.name} missing`];
        const wrong: string[] = [];
        if (target.options?.outputPath !== expectedOut) wrong.push(`${service.name}:build-${fn.name} outputPath`);
        if (target.options?.main !== expectedMain) wrong.push(`${service.name}:build-${fn.name} main`);
        if (!existsSync(join(workspaceRoot, expectedMain))) wrong.push(`${expectedMain} does not exist`);
        if (!targets.build?.dependsOn?.includes(`build-${fn.name}`)) wrong.push(`${service.name}:build skips ${fn.name}`);
        return wrong;
      });
    });
    expect(problems).toEqual([]);
  });

  it('routes, rules and emitted events each have one owner across services', () => {
    expect(() => validateServices(services)).not.toThrow();
  });

  it('every subscription admits the golden sample of each contract it consumes', () => {
    const problems = services.flatMap((service) =>
      (service.subscriptions ?? []).flatMap((subscription) => {
        const matcher = compilePattern(subscription.pattern);
        return (subscription.consumes ?? [])
          .filter((contract) => !matcher.matches(contract.sample))
          .map((contract) => `${subscription.rule} rejects ${contract.name} v${contract.version}'s sample`);
      }),
    );
    expect(problems).toEqual([]);
  });

  it('the routes of all services make one OpenAPI 3.1 document', () => {
    const document = buildOpenApi(services, { title: 'Pulse', version: '1' });
    const routes = services.flatMap((s) => s.routes ?? []);
    expect(document.openapi).toMatch(/^3\.1/);
    for (const route of routes) expect(document.paths[route.path]).toBeDefined();
  });
});
