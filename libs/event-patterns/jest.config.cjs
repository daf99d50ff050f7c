module.exports = {
  displayName: 'event-patterns',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
