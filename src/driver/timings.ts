/**
 * Where a build's wall-clock time went, step by step on the main thread (`build --timings`).
 * The first step counts from the start of the process, so Node's own start-up shows too.
 */
export class Timings {
  readonly steps: Array<{ step: string; ms: number }> = [];
  private last = 0;

  /** Ends the step under way, naming it. */
  lap(step: string): void {
    const now = performance.now();
    this.steps.push({ step, ms: now - this.last });
    this.last = now;
  }

  get totalMs(): number {
    return this.last;
  }
}
