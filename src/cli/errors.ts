// Errors that end a run with one line on stderr (`facts: <where>: <problem>`) and exit code 2, never a stack trace.
export class UsageError extends Error {}
