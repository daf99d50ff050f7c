import { App, Stack } from 'aws-cdk-lib';
import type { PlatformRefs } from './platform-refs';

// Placeholder until the construct lands: proves aws-cdk-lib loads under the workspace's Jest.
test('aws-cdk-lib loads and a stack synthesises offline', () => {
  const app = new App();
  const stack = new Stack(app, 'Probe', { env: { account: '123456789012', region: 'eu-west-1' } });
  const refs: Partial<PlatformRefs> = {};
  expect(app.synth().getStackByName(stack.stackName).templateFile).toMatch(/Probe/);
  expect(refs).toEqual({});
});
