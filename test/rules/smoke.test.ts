import assert from 'node:assert/strict';
import plugin from '../../eslint-plugin/src/index';

describe('plugin', () => {
  it('exports seven rules', () => {
    assert.equal(Object.keys(plugin.rules).length, 7);
  });
});
