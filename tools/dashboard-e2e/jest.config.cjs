module.exports = { displayName: 'dashboard-e2e', preset: '../../jest.preset.cjs', rootDir: __dirname };
