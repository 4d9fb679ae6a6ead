/**
 * A value built on first use. The name tables (legal forms, symbols, regions, lexicon pinyin…)
 * take a few hundred milliseconds to build, and most CLI commands never read a name: building
 * them at import time made every command pay for them.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
