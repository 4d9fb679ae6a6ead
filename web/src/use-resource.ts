import { useCallback, useEffect, useState } from "react";
import { getJson } from "./api-client.ts";

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (or `reload` is called); an `undefined` key waits. A load
 * superseded by the next one is aborted and its answer dropped.
 */
export function useLoad<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for `load`; tick forces a reload
  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** GETs a path (again whenever it changes); `undefined` path waits. */
export function useResource<T>(path: string | undefined): Resource<T> {
  return useLoad(path, (signal) => getJson<T>(path as string, signal));
}
