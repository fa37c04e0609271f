/** Progress of a long batch on stderr (cases done, rate, time left): only on a terminal, and never with --quiet. */
export class Progress {
  private cases = 0;
  private readonly started = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  private readonly on: boolean;

  constructor(private readonly out: NodeJS.WriteStream | null, private readonly totalBytes: number, private readonly bytesRead: () => number) {
    this.on = out !== null;
    if (this.on) {
      this.timer = setInterval(() => this.print(), 500);
      this.timer.unref();
    }
  }

  add(n: number): void {
    this.cases += n;
  }

  private print(): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = this.cases / Math.max(seconds, 0.001);
    const fraction = this.totalBytes ? Math.min(1, this.bytesRead() / this.totalBytes) : 0;
    const left = fraction > 0.01 ? Math.max(0, seconds / fraction - seconds) : null;
    this.out!.write(`\r${this.cases.toLocaleString('en-US')} cases · ${Math.round(rate).toLocaleString('en-US')}/s${left === null ? '' : ` · about ${Math.ceil(left)} s left`}   `);
  }

  done(): void {
    if (!this.on) return;
    clearInterval(this.timer);
    this.print();
    this.out!.write('\n');
  }
}
