test('infra project is wired into Jest', () => {
  expect(typeof require('aws-cdk-lib').App).toBe('function');
});
