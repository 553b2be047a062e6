/** Closing what the bench opened, shared by the runs and by scripts/bench.ts's signal handler. */

/** Things to close on any exit, newest first. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): () => void {
    const step = { what, run };
    this.steps.push(step);
    return () => {
      const i = this.steps.indexOf(step);
      if (i >= 0) this.steps.splice(i, 1);
    };
  }
  private running: Promise<void> | null = null;

  /** Runs every step once; a second call while one runs (Ctrl-C during the normal end) joins it. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop();
        try {
          await step?.run();
        } catch (error) {
          console.error(`bench: cleaning up ${step?.what} failed:`, error);
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
