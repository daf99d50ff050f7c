module.exports = {
  displayName: 'local-bus',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
