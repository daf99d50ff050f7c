module.exports = { displayName: 'persist', preset: '../../jest.preset.cjs', rootDir: __dirname };
