module.exports = {
  displayName: 'function-runner',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
