import { createFixtureWorkspace, eslintBin, nxBin, type FixtureWorkspace } from './fixture-workspace';

interface EslintFileResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const RULE = '@nx/enforce-module-boundaries';
let workspace: FixtureWorkspace;
let results: EslintFileResult[];

function messagesFor(file: string) {
  const result = results.find((r) => r.filePath.endsWith(file));
  if (!result) throw new Error(`ESLint did not lint ${file}`);
  return result.messages;
}

beforeAll(() => {
  // Prepare: the fixture workspace, with its project graph computed by Nx first,
  // then ESLint with Pulse's config over every project.
  workspace = createFixtureWorkspace();
  const graph = workspace.run(nxBin, ['show', 'projects']);
  if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr}`);
  const lint = workspace.run(eslintBin, ['--format', 'json', 'apps', 'libs', 'infra', 'tools']);
  results = JSON.parse(lint.stdout) as EslintFileResult[];
}, 180_000);

afterAll(() => workspace?.dispose());

describe('module boundaries (real ESLint, Pulse config, fixture workspace)', () => {
  it('an app never imports another app', () => {
    const messages = messagesFor('apps/alpha/src/imports-another-app.ts');
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
    expect(messages.map((m) => m.message).join('\n')).toMatch(/Imports of apps are forbidden/);
  });

  it('a lib never imports an app', () => {
    const messages = messagesFor('libs/shared-lib/src/imports-an-app.ts');
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
  });

  it("a service's code never depends on another service's scope", () => {
    const messages = messagesFor('apps/beta/src/imports-another-scope.ts');
    expect(messages.map((m) => m.ruleId)).toContain(RULE);
    expect(messages.map((m) => m.message).join('\n')).toMatch(/scope:alert/);
  });

  it.each(['infra/src/compose.ts', 'tools/sim/src/uses-app.ts'])(
    'type:infra and type:tool may depend on apps (%s is clean)',
    (file) => {
      expect(messagesFor(file).filter((m) => m.ruleId === RULE)).toEqual([]);
    },
  );

  it('files that keep to the rules are clean', () => {
    expect(messagesFor('apps/alpha/src/handlers/hello.ts')).toEqual([]);
  });
});
