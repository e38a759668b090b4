/**
 * Ending a session when the app quits: the store is flushed first, because nothing reported saved
 * may be lost. When that fails, the person's changes did not reach the disk: the log says so and
 * the process exits non-zero, so a supervisor or a test sees it.
 */
export async function closeForExit(session: { close(): Promise<void> }, log: (line: string) => void): Promise<number> {
  try {
    await session.close();
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    log(`could not save everything before quitting: ${reason}`);
    return 1;
  }
}
