// Ink draws nothing interactive when it believes it runs in CI; this is its rule (the is-in-ci package), read
// before Ink loads so that the UI can say why instead of showing a blank screen.

/** The variable that makes Ink think it runs in CI, if one is set: present and neither "0" nor "false". */
export function ciVariable(env: NodeJS.ProcessEnv): { name: string; value: string } | undefined {
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
    const value = env[name];
    if (value !== undefined && value !== '0' && value !== 'false') return { name, value };
  }
  return undefined;
}
