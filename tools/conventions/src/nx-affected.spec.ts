import { createGitHistoryWorkspace, type GitHistoryWorkspace } from './git-history-workspace';

const SERVICES = ['alert', 'enrich', 'ingest', 'persist', 'transform'];

// Three commits on top of the cloned HEAD, oldest first; each test compares one commit with its parent.
const TRANSFORM_DOMAIN = { base: 'HEAD~3', head: 'HEAD~2' };
const SCHEMAS_CONTRACT = { base: 'HEAD~2', head: 'HEAD~1' };
const ROOT_DOCS = { base: 'HEAD~1', head: 'HEAD' };

let workspace: GitHistoryWorkspace;

beforeAll(() => {
  workspace = createGitHistoryWorkspace();
  workspace.commitAppend(['apps/transform/src/domain/batch-flags.ts'], '\n// touched by nx-affected.spec\n', 'transform: domain');
  workspace.commitAppend(['libs/schemas/src/events/readings-enriched/v1.ts'], '\n// touched by nx-affected.spec\n', 'schemas: contract');
  workspace.commitAppend(['README.md'], '\nTouched by nx-affected.spec.\n', 'docs: root readme');
}, 30_000);

afterAll(() => workspace?.dispose());

describe('nx affected on a real git history', () => {
  describe('a commit touching only apps/transform/src/domain', () => {
    it('affects transform and none of the other services or the libraries it depends on', () => {
      // Act
      const affected = workspace.affected(TRANSFORM_DOMAIN);

      // Assess
      expect(affected).toContain('transform');
      for (const other of SERVICES.filter((s) => s !== 'transform')) expect(affected).not.toContain(other);
      for (const lib of ['schemas', 'service-kit', 'cdk-constructs', 'event-patterns']) expect(affected).not.toContain(lib);
    }, 20_000);

    it('selects for deploy exactly transform plus infra, whose CDK app composes every service stack', () => {
      // Act
      const deployable = workspace.affected({ ...TRANSFORM_DOMAIN, withTarget: 'deploy' });

      // Assess
      expect(deployable).toEqual(['infra', 'transform']);
    }, 20_000);
  });

  describe('a commit touching a contract in libs/schemas', () => {
    it('affects schemas, all five services and infra, which all depend on it', () => {
      // Act
      const affected = workspace.affected(SCHEMAS_CONTRACT);

      // Assess
      expect(affected).toEqual(expect.arrayContaining(['schemas', ...SERVICES, 'infra']));
    }, 20_000);

    it('selects for deploy every service and infra, and nothing without a deploy target', () => {
      // Act
      const deployable = workspace.affected({ ...SCHEMAS_CONTRACT, withTarget: 'deploy' });

      // Assess
      expect(deployable).toEqual(['alert', 'enrich', 'infra', 'ingest', 'persist', 'transform']);
    }, 20_000);
  });

  describe('a commit touching only the root README', () => {
    it('affects no project, so nothing is deployed', () => {
      // Act
      const affected = workspace.affected(ROOT_DOCS);
      const deployable = workspace.affected({ ...ROOT_DOCS, withTarget: 'deploy' });

      // Assess
      expect(affected).toEqual([]);
      expect(deployable).toEqual([]);
    }, 20_000);
  });

  it('a range spanning several commits selects the union of what each of its commits affects', () => {
    // Act
    const deployable = workspace.affected({ base: TRANSFORM_DOMAIN.base, head: ROOT_DOCS.head, withTarget: 'deploy' });

    // Assess
    expect(deployable).toEqual(['alert', 'enrich', 'infra', 'ingest', 'persist', 'transform']);
  }, 20_000);
});
