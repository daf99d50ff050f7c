module.exports = {
  displayName: 'conventions',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
