module.exports = { displayName: 'enrich', preset: '../../jest.preset.cjs', rootDir: __dirname };
