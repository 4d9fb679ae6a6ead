import { AppError, type BalanceOptions, type PlaceBuckets, type ShardBalanceRow } from "../../app/index.ts";
import { DROP_TABLES } from "../shared/composition-sql-text.ts";
import type { ShardEndpoints } from "./shard-endpoints.ts";
import { DERIVE_LINES, deriveOnCoordinator } from "./shard-load.ts";

/** An unweighable group of inputs, as the composition twin spells it: its outputs are unknown. */
const UNWEIGHABLE = "(u.n_valid = 0 or (u.n_valid > 1 and u.total <= 0))";

/** The claimed country in an event's ILMD (`j.ilmd`), as the tracer reads it: first non-empty key. */
const CLAIM = `upper(trim(coalesce(
  nullif(trim(case jsonb_typeof(j.ilmd -> 'cbvmda:countryOfOrigin')
    when 'array' then j.ilmd -> 'cbvmda:countryOfOrigin' ->> 0
    when 'string' then j.ilmd ->> 'cbvmda:countryOfOrigin' end), ''),
  nullif(trim(case jsonb_typeof(j.ilmd -> 'countryOfOrigin')
    when 'array' then j.ilmd -> 'countryOfOrigin' ->> 0
    when 'string' then j.ilmd ->> 'countryOfOrigin' end), ''))))`;

type BalancePeriod = NonNullable<BalanceOptions["period"]>;

/** Lines of transformations (class 1) at a known location: the balance's only events. */
const BALANCED = "v.class = 1 and v.location is not null";

/**
 * The calendar period of an event, labelled as the single-node balance's period clock labels it
 * ("2024", "2024-Q1", "2024-03", UTC). The store keeps event times as `toISOString()` text (UTC,
 * "+010000-…" past year 9999), so the label is read off the text: the year as an integer (as
 * JavaScript prints it: "99", "-1", "10000") and the month.
 */
function periodLabel(period: BalancePeriod | undefined): string {
  if (period === undefined) return "null::text";
  const year = "(regexp_match(v.at, '^([+-]?[0-9]+)-([0-9]{2})'))[1]::bigint::text";
  const month = "(regexp_match(v.at, '^([+-]?[0-9]+)-([0-9]{2})'))[2]::int";
  const label =
    period === "year"
      ? year
      : period === "quarter"
        ? `${year} || '-Q' || ((${month} - 1) / 3 + 1)`
        : `${year} || '-' || lpad(${month}::text, 2, '0')`;
  return `coalesce(${label}, 'undated')`;
}

const STATEMENTS = {
  // Events on a cycle (forced by the last run): unknown to all their outputs.
  forced: "create temp table tp_forced as select distinct event from shard.edge where forced = 1",
  // Each transformation's mix: its inputs' mixes (from the last run) × their shares.
  eventMix: `create temp table tp_emix as
    select f.grp as event, r.bucket, sum(f.frac * r.share) as share
    from tp_frac f join tp_valid u on u.side = 0 and u.grp = f.grp
    join shard.result r on r.node = f.node
    where f.side = 0 and not ${UNWEIGHABLE} and f.grp not in (select event from tp_forced)
    group by f.grp, r.bucket
    union all
    select u.grp, 0, 1 from tp_valid u
    where u.side = 0 and ${UNWEIGHABLE} and u.grp not in (select event from tp_forced)
    union all
    select event, 0, 1 from tp_forced`,
  totals: (p: string) => `select v.location, ${p} as period,
      sum(case when l.side = 0 then l.kg end) as input_kg,
      sum(case when l.side = 1 then l.kg end) as output_kg, count(*) - count(l.kg) as unweighed
    from tp_line l join tp_event v on v.event = l.event
    where ${BALANCED} and l.side in (0, 1) group by 1, 2`,
  inputs: (p: string) => `select v.location, ${p} as period, r.bucket, sum(l.kg * r.share) as kg
    from tp_line l join tp_event v on v.event = l.event join shard.result r on r.node = l.lot
    where ${BALANCED} and l.side = 0 and l.kg is not null group by 1, 2, 3`,
  outputs: (p: string) => `select v.location, ${p} as period, m.bucket, sum(l.kg * m.share) as kg
    from tp_line l join tp_event v on v.event = l.event join tp_emix m on m.event = l.event
    where ${BALANCED} and l.side = 1 and l.kg is not null group by 1, 2, 3`,
  // The claim is read once per balanced event (its record parsed once), then joined to its lines:
  // read per line, the record's JSON was parsed for every output line (35 s of a 54 s balance at a
  // million edges).
  claims: (p: string) => `with claimed as materialized (
      select v.event, v.location, ${p} as period, ${CLAIM} as country
      from tp_event v join events e on e.key = v.event
      cross join lateral (select e.record::jsonb -> 'ilmd' as ilmd offset 0) j
      where ${BALANCED})
    select c.location, c.period, c.country, sum(l.kg) as kg
    from tp_line l join claimed c on c.event = l.event
    where l.side = 1 and l.kg is not null and c.country is not null
    group by 1, 2, 3`,
} as const;

type Mutable = ShardBalanceRow & {
  inputs: [number, number][];
  outputs: [number, number][];
  claims: [string, number][];
};

/**
 * Mass balance per location from the last sharded run: the store's transformation lines (derived
 * on the coordinator with the composition twin's own SQL) weighed against the lot mixes the shards
 * computed (`shard.result`) and each transformation's mix (its inputs' mixes × their shares).
 */
export async function shardBalance(
  endpoints: ShardEndpoints,
  places: readonly PlaceBuckets[],
  period?: BalancePeriod,
): Promise<ShardBalanceRow[]> {
  const label = periodLabel(period);
  const key = (r: { location: unknown; period: unknown }) => `${String(r.location)}\u0000${r.period ?? ""}`;
  const client = await endpoints.coordinator.connect();
  try {
    const { rows: fresh } = await client.query(
      "select (select max(at) from shard.run) >= (select max(at) from shard.loaded) as fresh",
    );
    if (fresh[0]?.fresh !== true)
      throw new AppError("not-found", "no sharded run since the last load: run `threadproof shard compose`");
    await deriveOnCoordinator(client, places, DERIVE_LINES);
    await client.query("drop table if exists tp_forced, tp_emix");
    await client.query(STATEMENTS.forced);
    await client.query(STATEMENTS.eventMix);
    await client.query("create index on tp_emix (event)");
    const rows = new Map<string, Mutable>();
    for (const r of (await client.query(STATEMENTS.totals(label))).rows)
      rows.set(key(r), {
        location: String(r.location),
        period: r.period === null ? null : String(r.period),
        inputKg: Number(r.input_kg ?? 0),
        outputKg: Number(r.output_kg ?? 0),
        unweighed: Number(r.unweighed),
        inputs: [],
        outputs: [],
        claims: [],
      });
    for (const r of (await client.query(STATEMENTS.inputs(label))).rows)
      rows.get(key(r))?.inputs.push([Number(r.bucket), Number(r.kg)]);
    for (const r of (await client.query(STATEMENTS.outputs(label))).rows)
      rows.get(key(r))?.outputs.push([Number(r.bucket), Number(r.kg)]);
    for (const r of (await client.query(STATEMENTS.claims(label))).rows)
      rows.get(key(r))?.claims.push([String(r.country), Number(r.kg)]);
    return [...rows.values()];
  } finally {
    for (const statement of ["drop table if exists tp_forced, tp_emix", ...DROP_TABLES])
      await client.query(statement).catch(() => undefined);
    client.release();
  }
}
