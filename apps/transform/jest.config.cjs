module.exports = { displayName: 'transform', preset: '../../jest.preset.cjs', rootDir: __dirname };
