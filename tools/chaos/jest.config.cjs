module.exports = { displayName: 'chaos', preset: '../../jest.preset.cjs', rootDir: __dirname };
