// The progress bar on stderr for long runs: shown only when there are many files and stderr is a terminal, so
// pipes and CI logs stay clean. Rendering is pure; the clock and the stream are passed in so tests can fake them.

/** Fewer files than this finish before a bar would be worth reading. */
export const PROGRESS_MIN_FILES = 20;
/** Redraw at most this often, so a fast run does not spend its time writing to the terminal. */
const REDRAW_MS = 100;

export interface ProgressTarget {
  write: (text: string) => void;
  isTTY: boolean;
  env?: Record<string, string | undefined>;
  /** Columns of the terminal; 80 when unknown. */
  columns?: number;
  /** Milliseconds from any fixed origin (Date.now, performance.now or a fake). */
  now: () => number;
}

/** Whether a run of `total` files shows a bar on this stream. */
export function shouldShowProgress(total: number, target: Pick<ProgressTarget, 'isTTY' | 'env'>): boolean {
  if (!target.isTTY || total < PROGRESS_MIN_FILES) return false;
  return target.env?.TERM !== 'dumb';
}

/** "[██████░░░░]  12/40 files · 35.2 files/s · 1s left", fitted to `columns`. */
export function renderProgress(done: number, total: number, elapsedMs: number, columns = 80): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [`${String(done).padStart(String(total).length)}/${total} files`];
  if (done > 0 && elapsedMs > 0) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s`);
    if (done < total) parts.push(`${formatDuration(((total - done) / rate) * 1000)} left`);
  }
  const label = parts.join(' · ');
  const barWidth = Math.max(0, Math.min(30, columns - 1 - label.length - 4));
  if (barWidth < 5) return label.slice(0, Math.max(0, columns - 1));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]  ${label}`;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * An `onProgress(done, total)` callback that draws the bar on the target, or undefined when no bar should be shown.
 * The line is redrawn in place (\r, erase line) and erased when the last file is done.
 */
export function progressReporter(total: number, target: ProgressTarget): ((done: number, total: number) => void) | undefined {
  if (!shouldShowProgress(total, target)) return undefined;
  const start = target.now();
  let lastDraw = -Infinity;
  let finished = false;
  return (done, all) => {
    if (finished) return;
    const now = target.now();
    if (done >= all) {
      finished = true;
      target.write('\r\u001b[2K');
      return;
    }
    if (now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    target.write(`\r\u001b[2K${renderProgress(done, all, now - start, target.columns ?? 80)}`);
  };
}
