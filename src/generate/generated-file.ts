/**
 * A file the caller writes: its name and its text as chunks, produced lazily while the caller
 * iterates. Iterating again regenerates the same text.
 */
export interface GeneratedFile {
  readonly name: string;
  readonly chunks: Iterable<string>;
}
