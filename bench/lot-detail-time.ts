/**
 * What one lot's detail (`GET /api/lots/{id}`) costs on a large store, for staff and for a supplier:
 * `npx tsx bench/lot-detail-time.ts STORE [N]` (a SQLite path or a postgres:// URL, e.g. the
 * `bench:server` store). Times `lotDetail` for N lots spread over the store with the whole-store scope,
 * then for lots of one supplier (the operator of a location that has events) with its party scope.
 * On SQLite the time is the server's event loop held by the request.
 */
import { type DataScope, lotDetail } from "../src/app/index.ts";
import type { PartyId } from "../src/model/index.ts";
import { openStore } from "../src/store/index.ts";

const target = process.argv[2];
if (!target) throw new Error("usage: lot-detail-time.ts STORE [N]");
const n = Number(process.argv[3] ?? 5);
const store = await openStore(target);

async function timed(scope: DataScope, lot: string): Promise<void> {
  const started = performance.now();
  const d = await lotDetail(store, scope, lot);
  const ms = (performance.now() - started).toFixed(1);
  console.log(`  ${lot}: ${d.events.length} events, ${d.documentRefs.length} document refs, ${ms} ms`);
}

const lots: string[] = [];
for await (const lot of store.lots()) lots.push(lot.id as string);
console.log(`staff (all data), ${n} of ${lots.length} lots spread over the store:`);
for (let i = 0; i < n; i++) await timed({ kind: "all" }, lots[Math.floor((i * lots.length) / n)] as string);

let supplier: { party: string; lots: string[] } | undefined;
for await (const location of store.locations()) {
  if (!location.operator) continue;
  const scope: DataScope = { kind: "party", partyId: location.operator as PartyId };
  const events = await store.scopedEvents(scope, { location: location.id, limit: n });
  const own = events.flatMap((e) => [...e.quantities, ...e.outputs].map((q) => q.lot as string));
  if (own.length > 0) {
    supplier = { party: location.operator, lots: [...new Set(own)].slice(0, n) };
    break;
  }
}
if (supplier) {
  console.log(`supplier ${supplier.party}, its own lots:`);
  for (const lot of supplier.lots) await timed({ kind: "party", partyId: supplier.party as PartyId }, lot);
}
await store.close();
