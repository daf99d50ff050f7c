module.exports = { displayName: 'ingest', preset: '../../jest.preset.cjs', rootDir: __dirname };
