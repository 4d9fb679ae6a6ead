import { useCallback, useEffect, useState } from "react";
import { getJson } from "./api-client.ts";
import { type Resource, useLoad, useResource } from "./use-resource.ts";

/** The API's page bound (src/api MAX_PAGE): "fetch everything" loops in pages of this size. */
const API_MAX_PAGE = 500;

/** A page size from the page's `?limit=` (1-500), else the page's default. */
export function pageSizeOf(query: URLSearchParams, fallback: number): number {
  const n = Number(query.get("limit"));
  return Number.isInteger(n) && n >= 1 && n <= API_MAX_PAGE ? n : fallback;
}

function withParam(path: string, name: string, value: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

export interface CursorPages<T> extends Resource<T> {
  /** 1-based. */
  readonly page: number;
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly next: () => void;
  readonly previous: () => void;
}

/**
 * One page of a cursor-paged list (`{ items, nextCursor }`): the cursors of the pages before are kept,
 * so "previous" goes back without the API paging backwards. A new `path` starts again at page 1.
 */
export function useCursorPages<T extends { nextCursor?: string | null }>(path: string): CursorPages<T> {
  const [state, setState] = useState<{ path: string; cursors: readonly string[] }>({ path, cursors: [] });
  const cursors = state.path === path ? state.cursors : [];
  const cursor = cursors.at(-1);
  const resource = useResource<T>(cursor === undefined ? path : withParam(path, "cursor", cursor));
  const nextCursor = resource.data?.nextCursor ?? null;
  const next = useCallback(() => {
    if (nextCursor) setState({ path, cursors: [...cursors, nextCursor] });
  }, [path, cursors, nextCursor]);
  const previous = useCallback(() => setState({ path, cursors: cursors.slice(0, -1) }), [path, cursors]);
  return {
    ...resource,
    page: cursors.length + 1,
    hasNext: !resource.loading && nextCursor !== null,
    hasPrevious: cursors.length > 0,
    next,
    previous,
  };
}

/** Previous / next page buttons and where the reader is; focus stays on the button pressed. */
export function Pager(props: {
  readonly label: string;
  readonly page: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
}) {
  const { label, page, hasPrevious, hasNext, onPrevious, onNext } = props;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={`${label}: pages`}>
      <button type="button" className="secondary" disabled={!hasPrevious} onClick={onPrevious}>
        Previous page
      </button>
      <span className="small" aria-live="polite">
        Page {page}
      </span>
      <button type="button" className="secondary" disabled={!hasNext} onClick={onNext}>
        Next page
      </button>
    </nav>
  );
}

/** The pager of a `useCursorPages` list. */
export function CursorPager(props: { readonly label: string; readonly pages: CursorPages<unknown> }) {
  const { pages } = props;
  return (
    <Pager
      label={props.label}
      page={pages.page}
      hasPrevious={pages.hasPrevious}
      hasNext={pages.hasNext}
      onPrevious={pages.previous}
      onNext={pages.next}
    />
  );
}

/** Every row of a cursor-paged list, fetched page after page (for views that need the whole set). */
export async function fetchAllPages<R>(
  path: string,
  signal?: AbortSignal,
  size = API_MAX_PAGE,
): Promise<R[]> {
  const rows: R[] = [];
  let cursor: string | null = null;
  const first = withParam(path, "limit", String(size));
  do {
    const url: string = cursor === null ? first : withParam(first, "cursor", cursor);
    const body: { items: R[]; nextCursor?: string | null } = await getJson(url, signal);
    rows.push(...body.items);
    cursor = body.nextCursor ?? null;
  } while (cursor !== null);
  return rows;
}

/** `fetchAllPages` as a resource: loads when `path` (or `size`) changes, `reload` fetches again. */
export function useAllPages<R>(path: string | undefined, size = API_MAX_PAGE): Resource<R[]> {
  const key = path === undefined ? undefined : `${size} ${path}`;
  return useLoad(key, (signal) => fetchAllPages<R>(path as string, signal, size));
}

/**
 * Rows fetched one by one by id (`/api/locations/{id}`), six at a time, again when the set of ids
 * changes. A missing or refused id is left out (the caller shows the bare id).
 */
export function useRowsById<R>(base: string, ids: readonly string[]): ReadonlyMap<string, R> {
  const [rows, setRows] = useState<ReadonlyMap<string, R>>(new Map());
  const key = [...new Set(ids)].sort().join("\n");
  useEffect(() => {
    const wanted = key ? key.split("\n") : [];
    const controller = new AbortController();
    const found = new Map<string, R>();
    let at = 0;
    const worker = async () => {
      while (at < wanted.length && !controller.signal.aborted) {
        const id = wanted[at++] as string;
        try {
          found.set(id, await getJson<R>(`${base}/${encodeURIComponent(id)}`, controller.signal));
        } catch {
          // Not visible or gone: the label falls back to the id.
        }
      }
    };
    Promise.all(Array.from({ length: Math.min(6, wanted.length) }, worker)).then(
      () => {
        if (!controller.signal.aborted) setRows(found);
      },
      () => {},
    );
    return () => controller.abort();
  }, [base, key]);
  return rows;
}
