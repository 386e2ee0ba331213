/** A one-line progress bar on a TTY; plain lines when stderr is not a terminal (CI logs, pipes). */
export class ProgressBar {
  private lastPlain = '';

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 28,
  ) {}

  /** Shows `done` of `total` with a label. */
  update(done: number, total: number, label: string): void {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * this.width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${done}/${total} ${label}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${bar}`);
    } else if (bar !== this.lastPlain) {
      this.lastPlain = bar;
      this.stream.write(`${bar}\n`);
    }
  }

  /** Ends the bar's line. */
  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
