/** Shared by the hot-load children, so that Janela and SQLite are timed alike. */

/**
 * Collects what loading modules left behind (run with --expose-gc), so that a collection of
 * start-up garbage does not land inside the timed window: Node's start-up is not counted.
 */
export function collectStartupGarbage(): void {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error('run with --expose-gc');
  gc();
}
