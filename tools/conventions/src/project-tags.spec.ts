import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';

// A service's scope is its app's name (the reference five, or one made by the service generator).
const REFERENCE_SCOPES = ['ingest', 'transform', 'enrich', 'persist', 'alert', 'shared'];
const TYPES = ['app', 'lib', 'infra', 'tool'];
const TYPE_BY_FOLDER: Record<string, string> = { apps: 'app', libs: 'lib', infra: 'infra', tools: 'tool' };

let graph: ProjectGraph;

beforeAll(async () => {
  graph = await createProjectGraphAsync({ exitOnError: false });
}, 60_000);

describe('project tags', () => {
  it('every project carries exactly one scope:* and one type:* tag from the allowed sets', () => {
    const appNames = Object.values(graph.nodes).filter((n) => n.data.root.startsWith('apps/')).map((n) => n.name);
    const SCOPES = [...REFERENCE_SCOPES, ...appNames];
    const offenders = Object.values(graph.nodes).flatMap((node) => {
      const tags = node.data.tags ?? [];
      const scopes = tags.filter((t) => t.startsWith('scope:')).map((t) => t.slice(6));
      const types = tags.filter((t) => t.startsWith('type:')).map((t) => t.slice(5));
      const ok = scopes.length === 1 && SCOPES.includes(scopes[0]) && types.length === 1 && TYPES.includes(types[0]);
      return ok ? [] : [`${node.name}: ${JSON.stringify(tags)}`];
    });
    expect(offenders).toEqual([]);
  });

  it('the type tag agrees with the top-level folder', () => {
    const offenders = Object.values(graph.nodes).flatMap((node) => {
      const folder = node.data.root.split('/')[0];
      const expected = TYPE_BY_FOLDER[folder];
      return expected && !(node.data.tags ?? []).includes(`type:${expected}`) ? [node.name] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('an app is scoped to the service it is named for', () => {
    const apps = Object.values(graph.nodes).filter((node) => node.data.root.startsWith('apps/'));
    for (const app of apps) expect(app.data.tags).toContain(`scope:${app.name}`);
  });
});
