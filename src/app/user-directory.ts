// The directory the user ran kube-sbom from. `npm start` runs scripts in the package's folder, so there the
// process's cwd is the project itself; npm keeps the user's directory in INIT_CWD for its scripts.
export function userDirectory(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  // Only inside an npm script (npm_lifecycle_event set): a stale INIT_CWD left in a shell must not move outputs.
  return env.npm_lifecycle_event && env.INIT_CWD ? env.INIT_CWD : cwd;
}
