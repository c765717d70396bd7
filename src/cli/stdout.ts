// Output that may go into `| head`: a reader that closes early is not an error, and must not print a stack trace.
let guarded = false;

export function writeStdout(text: string): void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  process.stdout.write(text);
}
