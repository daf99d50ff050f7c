module.exports = { displayName: 'dashboard', preset: '../../jest.preset.cjs', rootDir: __dirname };
