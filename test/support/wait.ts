/**
 * Polls `condition` until it returns something truthy, and resolves with that;
 * rejects naming `what` once `timeout` ms have passed. For waiting on what a
 * test needs (a listener registered, another replica caught up) instead of a
 * fixed sleep that is too long on a quiet machine and too short on a busy one.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeout = 15_000, interval = 20, what = 'the condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
