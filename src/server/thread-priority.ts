import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** This process's kernel thread ids (Linux: /proc/self/task); empty where that is not readable. */
export function threadIds(): ReadonlySet<number> {
  try {
    return new Set(readdirSync("/proc/self/task").map(Number));
  } catch {
    return new Set();
  }
}

/**
 * Runs `start` (which starts worker threads) and lowers the scheduling priority of the threads it
 * started by `increment` nice steps. On Linux a thread id is a valid target of setpriority, so the
 * match workers yield to the event loop and the trace worker when the cores are contended, and
 * take all the idle CPU otherwise. Elsewhere (no /proc) nothing changes. Returns what `start` did
 * and how many threads were lowered.
 */
export function startLowered<T>(
  increment: number,
  start: () => T,
): { readonly value: T; readonly lowered: number } {
  const before = threadIds();
  const value = start();
  let lowered = 0;
  for (const tid of threadIds()) {
    if (before.has(tid)) continue;
    try {
      setPriority(tid, Math.min(19, getPriority(tid) + increment));
      lowered += 1;
    } catch {
      // The thread ended meanwhile, or the platform refuses: it keeps the process's priority.
    }
  }
  return { value, lowered };
}
