module.exports = { displayName: 'alert', preset: '../../jest.preset.cjs', rootDir: __dirname };
