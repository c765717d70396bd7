// Ink's CI rule as the tui command reads it before Ink loads: an empty CI counts, 0 and false do not.
import { describe, expect, it } from 'vitest';
import { ciVariable } from '../../src/cli/ci-env.js';

describe('ciVariable', () => {
  it('names the variable that would turn Ink non-interactive', () => {
    expect(ciVariable({ CI: 'true' })).toEqual({ name: 'CI', value: 'true' });
    expect(ciVariable({ CI: '' })).toEqual({ name: 'CI', value: '' });
    expect(ciVariable({ CONTINUOUS_INTEGRATION: '1' })).toEqual({ name: 'CONTINUOUS_INTEGRATION', value: '1' });
  });

  it('leaves a terminal alone when CI is unset, 0 or false', () => {
    expect(ciVariable({})).toBeUndefined();
    expect(ciVariable({ CI: '0' })).toBeUndefined();
    expect(ciVariable({ CI: 'false', CONTINUOUS_INTEGRATION: '0' })).toBeUndefined();
  });
});
