module.exports = { displayName: 'local-runtime', preset: '../../jest.preset.cjs', rootDir: __dirname };
