const keys = new Map<string, symbol>();

/**
 * Page-wide singletons shared by every copy of the package (a CMS snippet and an app bundle on
 * one page still get one bus and one announcer). Keyed by a versioned registry symbol, so a
 * future incompatible major can live beside this one without mixing state.
 */
export function pageSingleton<T>(name: string, create: () => T): T {
  // NOTE: called on hot paths (every render reads the config); the registry symbol is looked up
  // once per name. The value itself is read from the global each time: it is the page's, not ours.
  let key = keys.get(name);
  if (!key) keys.set(name, (key = Symbol.for(`mi-elements/${name}@1`)));
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  let value = store[key];
  if (value === undefined) {
    value = create();
    Object.defineProperty(globalThis, key, {value, configurable: true, enumerable: false, writable: false});
  }
  return value;
}

/** True when there is a DOM to touch (false in plain Node and during server rendering). */
export const hasDom = (): boolean => typeof document !== 'undefined' && typeof window !== 'undefined';
