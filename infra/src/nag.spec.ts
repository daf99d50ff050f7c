import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { enableNag } from './nag';

const probe = (acknowledge: boolean): App => {
  const app = new App();
  enableNag(app);
  const stack = new Stack(app, 'Probe', { env: { account: '123456789012', region: 'eu-west-1' } });
  // A queue without a DLQ and without TLS enforcement: AwsSolutions-SQS3 and -SQS4.
  const queue = new Queue(stack, 'PlainQueue');
  if (acknowledge) {
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'probe' });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS4', reason: 'probe' });
  }
  return app;
};

describe('enableNag', () => {
  it('fails synthesis on an unacknowledged AwsSolutions error, naming the rule', () => {
    // Prepare
    const app = probe(false);

    // Act / Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('lets synthesis pass once each finding is acknowledged with a reason', () => {
    // Prepare
    const app = probe(true);

    // Act / Assess
    expect(() => app.synth()).not.toThrow();
  });
});
