// Errors carry a stable code (tests assert codes) and the exit code the CLI contract assigns to their kind.

/** 0 all good; 1 a check failed; 2 usage error; 3 could not run (network, file system, missing input). */
export const ExitCode = { OK: 0, CHECK_FAILED: 1, USAGE: 2, CANNOT_RUN: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorKind = 'check' | 'usage' | 'io';

const exitByKind: Record<ErrorKind, ExitCode> = {
  check: ExitCode.CHECK_FAILED,
  usage: ExitCode.USAGE,
  io: ExitCode.CANNOT_RUN,
};

export class KubeSbomError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;

  constructor(code: string, message: string, options: { kind?: ErrorKind; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KubeSbomError';
    this.code = code;
    this.kind = options.kind ?? 'check';
  }

  get exitCode(): ExitCode {
    return exitByKind[this.kind];
  }
}

export const usageError = (code: string, message: string, cause?: unknown) => new KubeSbomError(code, message, { kind: 'usage', cause });
export const ioError = (code: string, message: string, cause?: unknown) => new KubeSbomError(code, message, { kind: 'io', cause });
export const checkError = (code: string, message: string, cause?: unknown) => new KubeSbomError(code, message, { kind: 'check', cause });

/** Maps Node's file-system error codes to a one-line message a user can act on. */
export function describeFsError(err: unknown, path: string): KubeSbomError {
  // Already described (by the bounded reader or the output writer): kept as it is.
  if (err instanceof KubeSbomError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return ioError('FILE_NOT_FOUND', `${path}: no such file; check the path`, err);
    case 'EISDIR':
      return ioError('IS_A_DIRECTORY', `${path}: is a directory; give a file`, err);
    case 'EACCES':
    case 'EPERM':
      return ioError('PERMISSION_DENIED', `${path}: permission denied`, err);
    case 'ENOSPC':
      return ioError('NO_SPACE', `${path}: no space left on the device`, err);
    case 'EBADF':
      return ioError('BAD_DESCRIPTOR', `${path}: bad file descriptor (not open, or not open this way)`, err);
    case 'EROFS':
      return ioError('READ_ONLY_FILE_SYSTEM', `${path}: the file system is read-only`, err);
    default:
      return ioError('FILE_ERROR', `${path}: ${(err as Error)?.message ?? String(err)}`, err);
  }
}
