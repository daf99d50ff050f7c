module.exports = { displayName: 'simulator', preset: '../../jest.preset.cjs', rootDir: __dirname };
