module.exports = { displayName: 'nx-plugin', preset: '../../jest.preset.cjs', rootDir: __dirname };
