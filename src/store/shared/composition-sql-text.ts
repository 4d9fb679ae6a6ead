/**
 * SQL text of the composition twin, one spelling for SQLite and PostgreSQL. Working tables are
 * TEMP (private to the connection, dropped at the end). Levels are integers the driver formats
 * itself, so no statement takes parameters and every dialect runs the same text.
 */

/** An `events` kind as the tracer reads it: 0 origin, 1 transformation with inputs, 2 custody. */
const EVENT_CLASS = `case
    when e.kind = 'origin' then 0
    when e.kind = 'transform' and exists (select 1 from event_lots x
      where x.event_key = e.key and x.role in ('input', 'input-epc')) then 1
    when e.kind = 'transform' then 0
    else 2
  end`;

const EPC_ROLE = "l.role in ('input-epc', 'output-epc', 'epc')";

/** A line's weight in its group: mass wins; else counts in the first unit; a single line always counts. */
const WEIGHT = `case when g.n = 1 then coalesce(l.kg, 1) when g.n_mass > 0 then l.kg
  when l.unit = g.unit then l.quantity end`;

/** An unweighable group: no line can be weighed, or several can and they weigh nothing. */
const UNWEIGHABLE = "(u.n_valid = 0 or (u.n_valid > 1 and u.total <= 0))";

const WORKING_TABLES = [
  "tp_place",
  "tp_event",
  "tp_line",
  "tp_wline",
  "tp_group",
  "tp_valid",
  "tp_frac",
  "tp_edge",
  "tp_seed",
  "tp_lot",
  "tp_level",
  "tp_mix",
  "tp_core",
  "tp_cycle",
] as const;

export const CREATE_TABLES: readonly string[] = [
  `create temp table tp_place (location text primary key, origin_bucket integer not null,
    unknown_bucket integer not null)`,
  `create temp table tp_event (event bigint primary key, at text not null, location text,
    ordinal bigint not null, class integer not null, transformation integer not null)`,
  // side: 0 input of a transformation, 1 output (of an origin or a transformation), 2 custody.
  `create temp table tp_line (event bigint not null, lot bigint not null, side integer not null,
    seq bigint not null, kg double precision, quantity double precision, unit text not null)`,
  // A line in its weighing group: an event's inputs (side 0) or a lot's producers (side 1).
  `create temp table tp_wline (side integer not null, grp bigint not null, node bigint not null,
    seq bigint not null, kg double precision, quantity double precision, unit text not null)`,
  `create temp table tp_group (side integer not null, grp bigint not null, n bigint not null,
    n_mass bigint not null, unit text, primary key (side, grp))`,
  `create temp table tp_valid (side integer not null, grp bigint not null, n_valid bigint not null,
    total double precision, primary key (side, grp))`,
  `create temp table tp_frac (side integer not null, grp bigint not null, node bigint not null,
    frac double precision not null)`,
  `create temp table tp_edge (dst bigint not null, src bigint not null, event bigint not null,
    frac double precision not null, forced integer not null)`,
  `create temp table tp_seed (dst bigint not null, bucket integer not null, frac double precision not null)`,
  "create temp table tp_lot (lot bigint primary key, remaining bigint not null)",
  `create temp table tp_level (lot bigint primary key, level integer not null, forced integer not null)`,
  `create temp table tp_mix (lot bigint not null, bucket integer not null, share double precision not null)`,
  "create temp table tp_core (lot bigint primary key)",
  "create temp table tp_cycle (lot bigint primary key)",
];

/** From the store's tables to the lot → lot edge table and the constant (seed) mixes. */
export const DERIVE_GRAPH: readonly string[] = [
  // Live events only: a retraction has already marked every copy it names in the store.
  `insert into tp_event (event, at, location, ordinal, class, transformation)
   select e.key, e.event_time, coalesce(e.biz_location, e.read_point),
     row_number() over (order by e.id), ${EVENT_CLASS},
     case when e.epcis_type = 'TransformationEvent' then 1 else 0 end
   from events e where not e.retracted`,
  // An instance EPC is a lot of one piece (1 H87): its mass is unknown, never guessed.
  `insert into tp_line (event, lot, side, seq, kg, quantity, unit)
   select l.event_key, l.lot_key,
     case when v.class = 1 and l.role in ('input', 'input-epc') then 0 when v.class = 2 then 2 else 1 end,
     v.ordinal * 4000000 + case when ${EPC_ROLE} then 2000000 else 0 end + l.position,
     l.kg,
     case when ${EPC_ROLE} then 1 else l.quantity end,
     case when ${EPC_ROLE} then 'H87' else coalesce(upper(l.uom), '') end
   from event_lots l join tp_event v on v.event = l.event_key
   where (v.class = 1 and l.role in ('input', 'input-epc', 'output', 'output-epc'))
      or (v.class = 0 and v.transformation = 1 and l.role in ('output', 'output-epc'))
      or (v.class = 0 and v.transformation = 0 and l.role in ('quantity', 'epc'))
      or (v.class = 2 and l.role in ('quantity', 'epc'))`,
  "create index tp_line_lot on tp_line (lot, side)",
  `insert into tp_wline (side, grp, node, seq, kg, quantity, unit)
   select side, case when side = 0 then event else lot end, case when side = 0 then lot else event end,
     seq, kg, quantity, unit
   from tp_line where side < 2`,
  "create index tp_wline_grp on tp_wline (side, grp, seq)",
  `insert into tp_group (side, grp, n, n_mass)
   select side, grp, count(*), count(kg) from tp_wline group by side, grp`,
  // Counts compare only in the first unit seen; needed only where no line has a mass.
  `update tp_group set unit = (select w.unit from tp_wline w
     where w.side = tp_group.side and w.grp = tp_group.grp and w.quantity is not null
     order by w.seq limit 1)
   where n > 1 and n_mass = 0`,
  ...weighLines(),
  "create index tp_frac_grp on tp_frac (side, grp)",
  // Output share of the lot × input share of the event: the lot → lot fraction, via the event.
  `insert into tp_edge (dst, src, event, frac, forced)
   select o.grp, i.node, o.node, o.frac * i.frac, 0
   from tp_frac o join tp_frac i on i.side = 0 and i.grp = o.node
   where o.side = 1`,
  "create index tp_edge_dst on tp_edge (dst)",
  "create index tp_edge_src on tp_edge (src)",
  ...seedMixes(),
  "create index tp_seed_dst on tp_seed (dst)",
  `insert into tp_lot (lot, remaining) select lot, 0 from tp_line group by lot`,
  `update tp_lot set remaining = d.n
   from (select dst, count(*) as n from tp_edge group by dst) as d
   where tp_lot.lot = d.dst`,
  "create index tp_level_level on tp_level (level, lot)",
  "create index tp_mix_lot on tp_mix (lot, bucket)",
];

/** `weighLines` and `mixSources` in SQL: the share of each line in its group. */
function weighLines(): string[] {
  return [
    `insert into tp_valid (side, grp, n_valid, total)
     select side, grp, count(w), sum(w) from (
       select l.side, l.grp, ${WEIGHT} as w from tp_wline l
       join tp_group g on g.side = l.side and g.grp = l.grp) as x
     where w >= 0 group by side, grp`,
    `insert into tp_valid (side, grp, n_valid, total)
     select g.side, g.grp, 0, null from tp_group g
     where not exists (select 1 from tp_valid v where v.side = g.side and v.grp = g.grp)`,
    `insert into tp_frac (side, grp, node, frac)
     select x.side, x.grp, x.node,
       case when x.w >= 0 and u.n_valid = 1 then 1 when x.w >= 0 and u.total > 0 then x.w / u.total else 0 end
     from (select l.side, l.grp, l.node, ${WEIGHT} as w from tp_wline l
           join tp_group g on g.side = l.side and g.grp = l.grp) as x
     join tp_valid u on u.side = x.side and u.grp = x.grp`,
  ];
}

/** Mixes that come from no lot: origins, unweighable groups, untraced lots. */
function seedMixes(): string[] {
  return [
    `insert into tp_seed (dst, bucket, frac)
     select o.grp, coalesce(p.origin_bucket, 0), o.frac
     from tp_frac o join tp_event v on v.event = o.node left join tp_place p on p.location = v.location
     where o.side = 1 and v.class = 0`,
    `insert into tp_seed (dst, bucket, frac)
     select o.grp, 0, o.frac from tp_frac o join tp_valid u on u.side = 0 and u.grp = o.node
     where o.side = 1 and ${UNWEIGHABLE}`,
    `insert into tp_seed (dst, bucket, frac)
     select u.grp, 0, 1 from tp_valid u where u.side = 1 and ${UNWEIGHABLE}`,
    // Untraced: unknown mass keyed by its last known location (latest event consuming or holding
    // it; on a tie a custody event, then the later event in id order, as the engine's scan does).
    `insert into tp_seed (dst, bucket, frac)
     select t.lot, coalesce(p.unknown_bucket, 0), 1 from (
       select l.lot, v.location,
         row_number() over (partition by l.lot order by v.at desc, l.side desc, v.ordinal desc) as r
       from tp_line l join tp_event v on v.event = l.event
       where v.location is not null
         and not exists (select 1 from tp_line o where o.lot = l.lot and o.side = 1)) as t
     left join tp_place p on p.location = t.location
     where t.r = 1`,
    `insert into tp_seed (dst, bucket, frac)
     select distinct l.lot, 0, 1 from tp_line l
     where not exists (select 1 from tp_line o where o.lot = l.lot and o.side = 1)
       and not exists (select 1 from tp_line o join tp_event v on v.event = o.event
                       where o.lot = l.lot and v.location is not null)`,
  ];
}

/** The lots every source of which is known: the first frontier. */
export const FIRST_LEVEL =
  "insert into tp_level (lot, level, forced) select lot, 0, 0 from tp_lot where remaining = 0";

/** The mix of every lot of one level: its sources' mixes × fractions, plus its seeds. */
export function mixLevel(level: number): string {
  const k = int(level);
  return `insert into tp_mix (lot, bucket, share)
   select x.lot, x.bucket, sum(x.share) from (
     select e.dst as lot, m.bucket as bucket, e.frac * m.share as share
     from tp_level f join tp_edge e on e.dst = f.lot join tp_mix m on m.lot = e.src
     where f.level = ${k} and f.forced = 0 and e.forced = 0
     union all
     select e.dst, 0, e.frac from tp_level f join tp_edge e on e.dst = f.lot
     where f.level = ${k} and f.forced = 0 and e.forced = 1
     union all
     select s.dst, s.bucket, s.frac from tp_level f join tp_seed s on s.dst = f.lot
     where f.level = ${k} and f.forced = 0) as x
   group by x.lot, x.bucket`;
}

/** Kahn's step, set at a time: each lot loses one pending source per edge from this level. */
export function releaseLevel(level: number): string {
  const k = int(level);
  return `update tp_lot set remaining = tp_lot.remaining - d.n
   from (select e.dst, count(*) as n from tp_level f join tp_edge e on e.src = f.lot
         where f.level = ${k} group by e.dst) as d
   where tp_lot.lot = d.dst`;
}

export function nextLevel(level: number): string {
  const k = int(level);
  return `insert into tp_level (lot, level, forced)
   select distinct e.dst, ${k + 1}, 0
   from tp_level f join tp_edge e on e.src = f.lot join tp_lot l on l.lot = e.dst
   where f.level = ${k} and l.remaining = 0`;
}

export const UNRESOLVED = "select count(*) as n from tp_lot where remaining > 0";

/** The cycle core: unresolved lots, trimmed from the sink side until every one reaches a cycle. */
export const CORE_START = "insert into tp_core (lot) select lot from tp_lot where remaining > 0";
export const CORE_TRIM = `delete from tp_core where not exists (
  select 1 from tp_edge e join tp_core c on c.lot = e.dst where e.src = tp_core.lot)`;

/** Forces the core to unknown at `level`; an event inside the core gives unknown to all its outputs. */
export function forceCore(level: number): string[] {
  const k = int(level);
  return [
    `update tp_edge set forced = 1 where event in (
       select e.event from tp_edge e join tp_core a on a.lot = e.src join tp_core b on b.lot = e.dst)`,
    `insert into tp_level (lot, level, forced) select lot, ${k}, 1 from tp_core`,
    "insert into tp_mix (lot, bucket, share) select lot, 0, 1 from tp_core",
    "update tp_lot set remaining = -1 where lot in (select lot from tp_core)",
    "insert into tp_cycle (lot) select lot from tp_core",
    "delete from tp_core",
  ];
}

export const COUNTS = `select (select count(*) from tp_lot) as lots, (select count(*) from tp_edge) as edges`;
export const CYCLE_LOTS = "select l.id as id from tp_cycle c join lots l on l.key = c.lot order by l.id";

/** Result rows after (lot, bucket): keyset pages on the (lot, bucket) index, so no cursor stays open. */
export function mixPage(afterLot: number, afterBucket: number, limit: number): string {
  return `select m.lot as key, l.id as lot, m.bucket as bucket, m.share as share
   from tp_mix m join lots l on l.key = m.lot
   where (m.lot, m.bucket) > (${int(afterLot)}, ${int(afterBucket)}) and m.share <> 0
   order by m.lot, m.bucket limit ${int(limit)}`;
}

export const DROP_TABLES: readonly string[] = [...WORKING_TABLES]
  .reverse()
  .map((t) => `drop table if exists ${t}`);

function int(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return n;
}
