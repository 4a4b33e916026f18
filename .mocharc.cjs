// mocha for `npm test`: TypeScript through tsx, every suite that needs no editor and no network.
module.exports = {
  'node-option': ['import=tsx'],
  require: ['test/setup.ts'],
  spec: ['test/**/*.test.ts'],
  ignore: ['test/editor/**', 'test/fixtures/**'],
  timeout: 20000,
  reporter: 'dot',
};
