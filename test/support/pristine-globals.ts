/** The global object's own keys when this module is first loaded: import it before anything else. */
const pristine = new Set(Reflect.ownKeys(globalThis));

/** Takes off the global object whatever was put on it since this module was loaded. */
export function restoreGlobals(): void {
  for (const key of Reflect.ownKeys(globalThis)) if (!pristine.has(key)) Reflect.deleteProperty(globalThis, key);
}
