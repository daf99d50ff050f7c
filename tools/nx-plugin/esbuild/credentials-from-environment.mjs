// Stands in for @aws-sdk/credential-provider-node in function bundles. Lambda always hands a
// function its role's credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN, so the rest of the default chain (SSO, INI files, web identity, IMDS,
// with the STS and SSO clients they carry) is ~135 KB of every bundle that never runs.
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
