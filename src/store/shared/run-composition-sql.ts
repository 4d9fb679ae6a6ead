import type { LotMixRow, PlaceBuckets, SqlCompositionRun } from "../../app/index.ts";
import {
  CORE_START,
  CORE_TRIM,
  COUNTS,
  CREATE_TABLES,
  CYCLE_LOTS,
  DERIVE_GRAPH,
  DROP_TABLES,
  FIRST_LEVEL,
  forceCore,
  mixLevel,
  mixPage,
  nextLevel,
  releaseLevel,
  UNRESOLVED,
} from "./composition-sql-text.ts";

type Row = Readonly<Record<string, unknown>>;

/** What the driver needs of a connection; each adapter wraps its own driver in it. */
export interface SqlSession {
  /** Runs one statement and returns the rows it changed. */
  run(sql: string): Promise<number>;
  all(sql: string): Promise<readonly Row[]>;
  /** Fills `tp_place`, the geography the TypeScript resolver worked out. */
  insertPlaces(places: readonly PlaceBuckets[]): Promise<void>;
}

const PAGE = 10_000;

/**
 * Composition of every lot in SQL, driven from here one `INSERT … SELECT` per topological level
 * (not a recursive CTE: PostgreSQL and Citus cannot aggregate inside one). Kahn's algorithm set at
 * a time: a level's lots get their mix from their sources' mixes, then release their successors.
 * When nothing is released and lots are left, the data has a cycle: its core goes to unknown, as in
 * `computeComposition`, and the walk goes on.
 */
export async function runCompositionSql(
  session: SqlSession,
  places: readonly PlaceBuckets[],
  onMix: (row: LotMixRow) => void,
): Promise<SqlCompositionRun> {
  for (const statement of DROP_TABLES) await session.run(statement);
  try {
    for (const statement of CREATE_TABLES) await session.run(statement);
    await session.insertPlaces(places);
    for (const statement of DERIVE_GRAPH) await session.run(statement);
    const levels = await propagate(session);
    const [counts] = await session.all(COUNTS);
    const cycleLots = (await session.all(CYCLE_LOTS)).map((r) => String(r.id));
    await streamMixes(session, onMix);
    return { lots: Number(counts?.lots ?? 0), edges: Number(counts?.edges ?? 0), levels, cycleLots };
  } finally {
    for (const statement of DROP_TABLES) await session.run(statement);
  }
}

async function propagate(session: SqlSession): Promise<number> {
  await session.run(FIRST_LEVEL);
  let level = 0;
  for (;;) {
    await session.run(mixLevel(level));
    await session.run(releaseLevel(level));
    const released = await session.run(nextLevel(level));
    level++;
    if (released > 0) continue;
    const [left] = await session.all(UNRESOLVED);
    if (Number(left?.n ?? 0) === 0) return level;
    await forceCycleCore(session, level);
  }
}

async function forceCycleCore(session: SqlSession, level: number): Promise<void> {
  const core = await session.run(CORE_START);
  let left = core;
  for (;;) {
    const trimmed = await session.run(CORE_TRIM);
    left -= trimmed;
    if (trimmed === 0) break;
  }
  if (left <= 0)
    throw new Error("SQL composition stalled without a cycle: the working tables are inconsistent");
  for (const statement of forceCore(level)) await session.run(statement);
}

async function streamMixes(session: SqlSession, onMix: (row: LotMixRow) => void): Promise<void> {
  let lot = -1;
  let bucket = -1;
  for (;;) {
    const rows = await session.all(mixPage(lot, bucket, PAGE));
    for (const r of rows) onMix({ lot: String(r.lot), bucket: Number(r.bucket), share: Number(r.share) });
    const last = rows.at(-1);
    if (rows.length < PAGE || last === undefined) return;
    lot = Number(last.key);
    bucket = Number(last.bucket);
  }
}
