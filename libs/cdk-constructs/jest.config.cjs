module.exports = {
  displayName: 'cdk-constructs',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
