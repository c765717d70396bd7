// The user's directory: under an npm script (npm start runs in the project's folder) the one npm was started in.
import { describe, expect, it } from 'vitest';
import { userDirectory } from '../../src/app/user-directory.js';

describe('userDirectory', () => {
  it('is INIT_CWD inside an npm script, not the project folder npm runs the script in', () => {
    expect(userDirectory({ INIT_CWD: '/home/me/work', npm_lifecycle_event: 'start' }, '/opt/kube-sbom')).toBe('/home/me/work');
  });

  it('is the working directory otherwise, even with an INIT_CWD left over in the environment', () => {
    expect(userDirectory({}, '/home/me/work')).toBe('/home/me/work');
    expect(userDirectory({ INIT_CWD: '/somewhere/else' }, '/home/me/work')).toBe('/home/me/work');
  });
});
