/**
 * Terminal progress for the demo's long steps: a `cli-progress` bar fed by crmkit's `onProgress`
 * reports, shown only when stdout is a TTY (CI logs and pipes stay clean).
 */
import cliProgress from 'cli-progress';
import type { Progress } from 'crmkit';

/** A progress callback for a crmkit long-running function, and `done()` to close the bar. */
export interface DemoProgress {
  onProgress: (p: Progress) => void;
  done(): void;
}

/** Whether bars are drawn (stdout is a terminal and CRMKIT_DEMO_PROGRESS is not `0`). */
export const progressEnabled = (): boolean => process.stdout.isTTY === true && process.env.CRMKIT_DEMO_PROGRESS !== '0';

/** A bar labelled `label`; a no-op when bars are off. `total` is used when reports carry none. */
export function progressBar(label: string, total = 100): DemoProgress {
  if (!progressEnabled()) return { onProgress: () => {}, done: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `  ${label.padEnd(28)} [{bar}] {percentage}% {value}/{total} {stage}`, hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { stage: '' });
  return {
    onProgress: (p) => {
      if (p.total !== undefined && p.total !== bar.getTotal()) bar.setTotal(p.total);
      bar.update(Math.min(p.completed, p.total ?? total), { stage: p.stage ?? '' });
    },
    done: () => bar.stop(),
  };
}
