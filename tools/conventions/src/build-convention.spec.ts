import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureWorkspace, nxBin, type FixtureWorkspace } from './fixture-workspace';

// The build convention of ARCHITECTURE.md, proven on a fixture function with the workspace's
// real nx.json: `nx build <service>` bundles each function with @nx/esbuild into
// dist/apps/<service>/<function>/index.js, exporting `handler`, minified with a source map,
// the AWS SDK bundled rather than taken from the Lambda runtime.
let workspace: FixtureWorkspace;
let bundle: string;
let build: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  workspace = createFixtureWorkspace();
  build = workspace.run(nxBin, ['build', 'alpha', '--output-style=static']);
  bundle = join(workspace.root, 'dist/apps/alpha/hello/index.js');
}, 180_000);

afterAll(() => workspace?.dispose());

describe('function build convention', () => {
  it('nx build <service> writes dist/apps/<service>/<function>/index.js with a source map', () => {
    expect(build.status).toBe(0);
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
  });

  it('bundles the AWS SDK and workspace libs instead of requiring them at run time', () => {
    const code = readFileSync(bundle, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    // Only the SDK's optional native signers stay as guarded requires (absent in Lambda too).
    const optionalSigners = ['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a'];
    const packages = required.filter((name) => !name.startsWith('node:') && !optionalSigners.includes(name));
    expect(packages.filter((name) => /^(@aws-sdk|@smithy|@fixture)\//.test(name))).toEqual([]);
    expect(code).toContain('@aws-sdk/client-eventbridge');
  });

  it('is minified', () => {
    const code = readFileSync(bundle, 'utf8');
    const lines = code.split('\n').length;
    expect(statSync(bundle).size / lines).toBeGreaterThan(1_000);
  });

  it('exports a handler that runs in a plain Node process, with credentials from the environment as Lambda gives them', async () => {
    const loaded = (await import(bundle)) as { handler: (event: { name: string; trace?: boolean }) => Promise<Record<string, unknown>> };
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFIXTURE';
    process.env.AWS_SECRET_ACCESS_KEY = 'fixture-secret';
    try {
      await expect(loaded.handler({ name: 'pulse' })).resolves.toEqual({ message: 'hello, pulse', sdkBundled: true, credentials: 'AKIDFIXTURE' });
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
  });

  it("keeps only the environment's credentials: the SDK's default chain (SSO, INI files, web identity with STS) is not bundled", () => {
    const code = readFileSync(bundle, 'utf8');
    for (const provider of ['credential-provider-sso', 'credential-provider-ini', 'credential-provider-web-identity']) {
      expect(code.includes(provider)).toBe(false);
    }
  });

  it("ships Powertools' Tracer (with the X-Ray SDK) beside index.js, required on demand", async () => {
    const beside = join(workspace.root, 'dist/apps/alpha/hello/node_modules/@aws-lambda-powertools/tracer/index.js');
    const code = readFileSync(bundle, 'utf8');
    expect(code.includes('AWS_XRAY_CONTEXT_MISSING')).toBe(false);
    expect(readFileSync(beside, 'utf8').includes('AWS_XRAY_CONTEXT_MISSING')).toBe(true);
    const loaded = (await import(bundle)) as { handler: (event: { name: string; trace?: boolean }) => Promise<Record<string, unknown>> };
    await expect(loaded.handler({ name: 'pulse', trace: true })).resolves.toMatchObject({ tracer: beside });
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
