module.exports = {
  displayName: 'schemas',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
