/** Things to close, closed last-opened-first, all of them even when one fails. */
export class Cleanup {
  private readonly steps: { label: string; close: () => Promise<unknown> | unknown }[] = [];
  private running: Promise<Error[]> | undefined;

  defer(label: string, close: () => Promise<unknown> | unknown): void {
    if (this.running) throw new Error(`cannot defer ${label}: cleanup has started`);
    this.steps.push({ label, close });
  }

  /**
   * Runs every step once; returns the errors rather than throwing, so the caller reports them all.
   * A second call (the suite ending while a signal handler cleans up) waits for the same run.
   */
  run(): Promise<Error[]> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<Error[]> {
    const errors: Error[] = [];
    for (const step of this.steps.reverse()) {
      try {
        await step.close();
      } catch (error) {
        errors.push(
          new Error(`closing ${step.label}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    }
    this.steps.length = 0;
    return errors;
  }
}
