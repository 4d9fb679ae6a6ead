/** Ends every exhaustive `switch`: the compiler proves it unreachable, the runtime reports if data lied. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
