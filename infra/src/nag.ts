import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * cdk-nag 3 runs as a policy-validation plugin: an unacknowledged AwsSolutions error fails
 * synthesis (and Template.fromStack). Aspects are the v2 API and no longer work.
 */
export function enableNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}
