module.exports = {
  displayName: 'local-sqs',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
