module.exports = { displayName: 'local-api', preset: '../../jest.preset.cjs', rootDir: __dirname };
