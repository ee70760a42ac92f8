// How a worker's failure crosses to the lead thread. A system error (a spool file that cannot be written: a full
// disk, a file-size limit) keeps its code, so that the run can end with one line naming the folder; anything else
// is a bug, and keeps its stack.

/** What a worker sends back when it fails. */
export interface WorkerFailure {
  error: string;
  code?: string;
  syscall?: string;
}

/** Whether an error is one the system raised (ENOSPC, EFBIG, EACCES...), not a bug of ours. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** In the worker: the failure to send back. */
export function failureOf(e: unknown): WorkerFailure {
  if (!(e instanceof Error)) return { error: String(e) };
  if (!isSystemError(e)) return { error: e.stack ?? e.message };
  return { error: e.message, code: e.code, ...(e.syscall ? { syscall: e.syscall } : {}) };
}

/** In the lead thread: the worker's failure as an Error, with the code and syscall of a system error. Its message is
 *  one line (what a user is shown); the worker's stack stays in the error's own. */
export function errorOf(what: string, failure: Partial<WorkerFailure>): Error {
  const text = failure.error ?? 'no results';
  const newline = text.indexOf('\n');
  const e: NodeJS.ErrnoException = new Error(`${what}: ${newline < 0 ? text : text.slice(0, newline)}`);
  if (newline >= 0) e.stack = `${e.message}\n${text.slice(newline + 1)}`;
  if (failure.code) e.code = failure.code;
  if (failure.syscall) e.syscall = failure.syscall;
  return e;
}
