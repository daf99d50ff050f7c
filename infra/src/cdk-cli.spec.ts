import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildPulseApp } from './app';

// The pinned CDK CLI (package.json `aws-cdk`) must read the cloud assembly the pinned aws-cdk-lib writes:
// a lib whose assembly schema is newer than the CLI's makes `cdk ls/deploy --app dist/cdk/<env>` fail
// with "Cloud assembly schema version mismatch". Every `deploy` target goes through this CLI.
const cdkBin = join(dirname(require.resolve('aws-cdk/package.json')), 'bin', 'cdk');
const STACK_KINDS = ['Platform', 'Ingest', 'Transform', 'Enrich', 'Persist', 'Alert', 'Observability'];
const EXPECTED_STACKS = ['dev', 'staging', 'prod'].flatMap((env) => STACK_KINDS.map((kind) => `Pulse-${env}-${kind}`)).sort();

let root: string;
let assemblyDir: string;

// Offline, credential-free CLI: no AWS_* from the caller, an empty HOME (no ~/.aws, no ~/.cdk.json),
// no instance-metadata probe, no version check, notices or telemetry.
const runCdk = (args: string[]) => {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(AWS_|CDK_)/.test(key)));
  return spawnSync(process.execPath, [cdkBin, ...args, '--no-notices'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...inherited,
      HOME: join(root, 'home'),
      AWS_CONFIG_FILE: join(root, 'home', 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(root, 'home', 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    },
  });
};

// Prepare: synthesise all three environments (inline Lambda code, so no `nx build` is needed) into a temp dir.
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pulse-cdk-cli-'));
  mkdirSync(join(root, 'home'));
  assemblyDir = join(root, 'cdk.out');
  const { app } = buildPulseApp({
    appProps: { outdir: assemblyDir },
    context: {},
    processEnv: {},
    code: () => Code.fromInline('exports.handler = async () => {}'),
  });
  app.synth();
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the pinned CDK CLI against the synthesised app', () => {
  it('lists every stack of every environment with `cdk ls --app <assembly dir>`, offline and without credentials', () => {
    // Act
    const result = runCdk(['ls', '--app', assemblyDir]);

    // Assess
    expect(result.stderr + result.stdout).not.toMatch(/schema version mismatch/i);
    expect(result.status).toBe(0);
    const listed = result.stdout.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('Pulse-'));
    expect(listed.sort()).toEqual(EXPECTED_STACKS);
  }, 120_000);

  it('gets as far as needing credentials on `cdk deploy` of one stack, not stopping at the assembly version', () => {
    // Act
    const result = runCdk(['deploy', '--app', assemblyDir, 'Pulse-dev-Ingest', '--exclusively', '--require-approval', 'never']);

    // Assess
    const output = result.stderr + result.stdout;
    expect(output).not.toMatch(/schema version mismatch/i);
    expect(output).toMatch(/no credentials have been configured/);
    expect(result.status).not.toBe(0);
  }, 120_000);
});
