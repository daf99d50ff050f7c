import { readRepoFile, readWorkflow, type WorkflowJob } from './repo-files';

const runs = (job: WorkflowJob): string[] => job.steps.flatMap((s) => (s.run ? [s.run] : []));
const uses = (job: WorkflowJob, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));
const affectedTargets = (command: string): string[] => {
  const match = /nx affected -t ((?:[a-z][\w:-]* ?)+)/.exec(command);
  return match ? match[1]!.trim().split(/\s+/) : [];
};

describe('ci.yml', () => {
  const ci = readWorkflow('ci.yml');
  const job = ci.jobs['affected']!;

  it('runs on pull requests with read-only permissions', () => {
    // Assess
    expect(Object.keys(ci.on)).toContain('pull_request');
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('sets base/head SHAs for nx affected from the full history', () => {
    // Assess
    expect(uses(job, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    const setShas = job.steps.findIndex((s) => s.uses?.startsWith('nrwl/nx-set-shas@'));
    const affected = job.steps.findIndex((s) => s.run?.includes('nx affected'));
    expect(setShas).toBeGreaterThanOrEqual(0);
    expect(affected).toBeGreaterThan(setShas);
  });

  it('lints, tests, builds and synthesises what the change affects', () => {
    // Prepare
    const command = runs(job).find((r) => r.includes('nx affected'))!;

    // Assess
    expect(affectedTargets(command)).toEqual(expect.arrayContaining(['lint', 'test', 'build', 'synth']));
    expect(command).toContain('--base=$NX_BASE');
    expect(command).toContain('--head=$NX_HEAD');
    expect(ci.env).toMatchObject({ NX_NO_CLOUD: 'true', NX_DAEMON: 'false' });
  });
});

describe('deploy.yml', () => {
  const deploy = readWorkflow('deploy.yml');

  it('runs on pushes to main with OIDC and no stored AWS keys', () => {
    // Assess
    expect(deploy.on['push']?.branches).toEqual(['main']);
    expect(deploy.permissions).toMatchObject({ 'id-token': 'write', contents: 'read' });
    const text = readRepoFile('.github', 'workflows', 'deploy.yml');
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  });

  it('deploys staging first, then prod behind the prod environment', () => {
    // Prepare
    const { staging, prod } = deploy.jobs;

    // Assess
    expect(Object.keys(deploy.jobs)).toEqual(['staging', 'prod']);
    expect(staging!.environment).toBe('staging');
    expect(prod!.environment).toBe('prod');
    expect([prod!.needs].flat()).toEqual(['staging']);
  });

  it.each(['staging', 'prod'])('assumes the deploy role and runs nx affected -t deploy -c %s', (env) => {
    // Prepare
    const job = deploy.jobs[env]!;
    const credentials = uses(job, 'aws-actions/configure-aws-credentials');
    const command = runs(job).find((r) => r.includes('nx affected'))!;

    // Assess
    expect(credentials?.with?.['role-to-assume']).toMatch(/^\$\{\{ vars\.\w+ \}\}$/);
    expect(credentials?.with?.['aws-region']).toBeDefined();
    expect(uses(job, 'nrwl/nx-set-shas')).toBeDefined();
    expect(affectedTargets(command)).toEqual(['deploy']);
    expect(command).toContain(`-c ${env}`);
    // Synthesis inside deploy must target the real account, not the offline placeholder.
    expect(job.env).toMatchObject({ CDK_DEFAULT_ACCOUNT: expect.any(String), CDK_DEFAULT_REGION: expect.any(String) });
    const credentialsAt = job.steps.indexOf(credentials!);
    const deployAt = job.steps.findIndex((s) => s.run === command);
    expect(deployAt).toBeGreaterThan(credentialsAt);
  });
});

describe('CODEOWNERS', () => {
  const rules = readRepoFile('.github', 'CODEOWNERS')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/) as [string, ...string[]]);
  // GitHub applies the last matching pattern.
  const ownersOf = (path: string): string[] => {
    const matching = rules.filter(([pattern]) => pattern === '*' || path.startsWith(pattern.replace(/^\//, '')));
    return matching.at(-1)?.slice(1) ?? [];
  };

  it.each(['ingest', 'transform', 'enrich', 'persist', 'alert'])('gives apps/%s/ to its team', (service) => {
    // Assess
    expect(ownersOf(`apps/${service}/src/service.ts`)).toEqual([`@pulse/${service}-team`]);
  });

  it('gives libs and infra to the platform team', () => {
    // Assess
    expect(ownersOf('libs/schemas/src/contracts.ts')).toEqual(['@pulse/platform']);
    expect(ownersOf('infra/src/app.ts')).toEqual(['@pulse/platform']);
  });
});
