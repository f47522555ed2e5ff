/** Receives progress of a long task: a label, how far it got and of how much. */
export type ProgressReporter = {
  start(label: string, total?: number): void;
  update(done: number): void;
  finish(summary?: string): void;
};

/** A reporter that reports nothing (for tests and --json runs). */
export const silentProgress: ProgressReporter = { start() {}, update() {}, finish() {} };

/** A reporter drawing a bar in place on a terminal, or one line per task elsewhere. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  let label = "";
  let total: number | undefined;
  let started = 0;
  let lastDraw = 0;

  const draw = (done: number) => {
    const now = Date.now();
    if (now - lastDraw < 80) return;
    lastDraw = now;
    const share = total ? Math.min(1, done / total) : 0;
    const width = 24;
    const bar = total ? `[${"#".repeat(Math.round(share * width)).padEnd(width, ".")}] ${Math.round(share * 100)}%` : `${done.toLocaleString("en-US")}`;
    stream.write(`\r\x1b[2K  ${label} ${bar}`);
  };

  return {
    start(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      started = Date.now();
      lastDraw = 0;
      if (tty) draw(0);
      else stream.write(`  ${label} …\n`);
    },
    update(done) {
      if (tty) draw(done);
    },
    finish(summary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = `  ✓ ${label}${summary ? ` — ${summary}` : ""} (${seconds} s)`;
      stream.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}
