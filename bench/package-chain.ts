/**
 * A deep and wide cotton chain behind one import shipment, as the supplier templates
 * (facilities.csv, movements.csv): farms → gins → spinners → knitters → dyehouses → garment
 * factory → importer. Every fabric lot in the shipment goes back to 80 seed-cotton lots, so the
 * shipment's ancestry has about 312 events per fabric lot (origin, transform, ship and receive).
 */

const HEADER_FACILITIES =
  "facility_id,facility_name,address,city,state,postal_code,country,latitude,longitude,processing_type,facility_type,sector,os_id,gln,party_id,party_name,party_name_local,party_aliases,uscc,lei,owner_party_id,owner_party_name,owner_share";
const HEADER_MOVEMENTS =
  "event_ref,event_type,event_time,facility_id,role,lot_id,product,quantity,unit,country_of_origin,doc_type,doc_id,to_facility_id,from_facility_id,to_party_id,from_party_id";

export const BENCH_SHIPMENT = "BOL-BENCH-0001";
const SEED_PER_LINT = 4;
const LINT_PER_YARN = 10;
const YARN_PER_GREIGE = 2;
const EVENTS_PER_FABRIC = 312;

interface Place {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly state: string;
  readonly country: string;
  readonly processing: string;
  readonly type: string;
}

const FARM_REGIONS: readonly (readonly [string, string, string])[] = [
  ["Lubbock", "TX", "US"],
  ["Sorriso", "Mato Grosso", "BR"],
  ["Moree", "NSW", "AU"],
  ["Rajkot", "Gujarat", "IN"],
  ["Aksu", "Xinjiang Uygur Autonomous Region", "CN"],
  ["Lubbock", "TX", "US"],
  ["Rondonópolis", "Mato Grosso", "BR"],
  ["Narrabri", "NSW", "AU"],
  ["Multan", "Punjab", "PK"],
  ["Kashgar", "Xinjiang Uygur Autonomous Region", "CN"],
];

function places(count: number, make: (i: number) => Place): Place[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

const pad = (n: number, width = 5) => String(n).padStart(width, "0");

function facilityRow(p: Place): string {
  const party = `P-${p.id}`;
  return [p.id, p.name, `${pad(1 + (p.id.length % 90), 3)} Mill Road`, p.city, p.state, "", p.country, "", ""]
    .concat([p.processing, p.type, "Textiles", "", "", party, p.name, "", "", "", "", "", "", ""])
    .join(",");
}

function buildPlaces(fabricLots: number) {
  const farms = places(Math.min(300, fabricLots * 10), (i) => {
    const [city, state, country] = FARM_REGIONS[i % FARM_REGIONS.length] ?? ["Lubbock", "TX", "US"];
    return {
      id: `FARM-${pad(i)}`,
      name: `${city} Cotton Farm ${i + 1}`,
      city,
      state,
      country,
      processing: "farming",
      type: "Cotton farm",
    };
  });
  const gins = places(40, (i) => {
    const [city, state, country] = FARM_REGIONS[i % FARM_REGIONS.length] ?? ["Lubbock", "TX", "US"];
    return {
      id: `GIN-${pad(i)}`,
      name: `${city} Gin ${i + 1}`,
      city,
      state,
      country,
      processing: "ginning",
      type: "Cotton gin",
    };
  });
  const spinners = places(6, (i) => ({
    id: `SPIN-${i}`,
    name: `Nhà máy Sợi Phú Bài ${i + 1}`,
    city: "Huế",
    state: "Thừa Thiên Huế",
    country: "VN",
    processing: "spinning",
    type: "Spinning mill",
  }));
  const knitters = places(4, (i) => ({
    id: `KNIT-${i}`,
    name: `Công ty TNHH Dệt may Hòa Thọ ${i + 1}`,
    city: "Đà Nẵng",
    state: "",
    country: "VN",
    processing: "knitting",
    type: "Knitting mill",
  }));
  const dyers = places(3, (i) => ({
    id: `DYE-${i}`,
    name: `Saigon Dyeing House ${i + 1}`,
    city: "Ho Chi Minh City",
    state: "",
    country: "VN",
    processing: "dyeing",
    type: "Dye house",
  }));
  const sewer: Place = {
    id: "SEW-0",
    name: "Binh Duong Garment Factory",
    city: "Thủ Dầu Một",
    state: "Bình Dương",
    country: "VN",
    processing: "cut-and-sew",
    type: "Garment factory",
  };
  const importer: Place = {
    id: "IMP-0",
    name: "Bench Apparel Distribution Center",
    city: "Los Angeles",
    state: "CA",
    country: "US",
    processing: "importing",
    type: "Distribution centre",
  };
  return { farms, gins, spinners, knitters, dyers, sewer, importer };
}

/** Writes rows in event order; each event gets a running reference and a time after its inputs'. */
class Movements {
  readonly rows: string[] = [HEADER_MOVEMENTS];
  events = 0;
  private readonly start = Date.UTC(2024, 8, 1);

  private time(stage: number): string {
    return new Date(this.start + stage * 20 * 86_400_000 + this.events * 1000).toISOString();
  }

  private row(ref: string, type: string, stage: number, at: Place, cells: readonly string[]): void {
    this.rows.push([ref, type, this.time(stage), at.id, ...cells].join(","));
  }

  origin(at: Place, lot: string, kg: number): void {
    this.events++;
    this.row(`E-${pad(this.events, 6)}`, "origin", 0, at, [
      "lot",
      lot,
      "seed cotton",
      kg.toFixed(1),
      "KGM",
      at.country,
      "prodorder",
      `HARV-${lot}`,
      "",
      "",
      "",
      "",
    ]);
  }

  transform(
    at: Place,
    stage: number,
    inputs: readonly (readonly [string, number])[],
    output: readonly [string, string, number],
  ): void {
    this.events++;
    const ref = `E-${pad(this.events, 6)}`;
    for (const [lot, kg] of inputs)
      this.row(ref, "transform", stage, at, [
        "input",
        lot,
        "",
        kg.toFixed(1),
        "KGM",
        "",
        "prodorder",
        `WO-${output[0]}`,
        "",
        "",
        "",
        "",
      ]);
    this.row(ref, "transform", stage, at, [
      "output",
      output[0],
      output[1],
      output[2].toFixed(1),
      "KGM",
      "",
      "prodorder",
      `WO-${output[0]}`,
      "",
      "",
      "",
      "",
    ]);
  }

  move(
    from: Place,
    to: Place,
    stage: number,
    lot: string,
    product: string,
    kg: number,
    doc = `INV-${lot}`,
  ): void {
    const docType = doc.startsWith("BOL") ? "po;inv;bol" : "po;inv";
    const docs = doc.startsWith("BOL") ? `PO-${lot};INV-${lot};${doc}` : `PO-${lot};${doc}`;
    this.events++;
    this.row(`E-${pad(this.events, 6)}`, "ship", stage, from, [
      "lot",
      lot,
      product,
      kg.toFixed(1),
      "KGM",
      "",
      docType,
      docs,
      to.id,
      "",
      `P-${to.id}`,
      `P-${from.id}`,
    ]);
    this.events++;
    // The importer's receipt carries the bill of lading too: that is what makes it an import shipment.
    const received = doc.startsWith("BOL") ? ["bol;recadv", `${doc};GRN-${lot}`] : ["recadv", `GRN-${lot}`];
    this.row(`E-${pad(this.events, 6)}`, "receive", stage, to, [
      "lot",
      lot,
      product,
      kg.toFixed(1),
      "KGM",
      "",
      ...received,
      "",
      from.id,
      "",
      "",
    ]);
  }
}

export interface BenchChain {
  readonly facilities: string;
  readonly movements: string;
  readonly shipment: string;
  /** Events behind the shipment: origins, transformations, ships and receipts. */
  readonly ancestryEvents: number;
  readonly facilityCount: number;
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** A chain whose one import shipment has at least `events` events in its ancestry. */
export function buildBenchChain(events: number): BenchChain {
  const fabricLots = Math.max(1, Math.ceil(events / EVENTS_PER_FABRIC));
  const p = buildPlaces(fabricLots);
  const m = new Movements();
  let seed = 0;
  const lint = (spinner: Place, n: number): [string, number] => {
    const gin = pick(p.gins, n);
    const inputs: [string, number][] = [];
    for (let k = 0; k < SEED_PER_LINT; k++, seed++) {
      const lot = `SEED-${pad(seed, 6)}`;
      const farm = pick(p.farms, seed * 7 + (n % 3));
      m.origin(farm, lot, 20_000);
      m.move(farm, gin, 1, lot, "seed cotton", 20_000);
      inputs.push([lot, 20_000]);
    }
    const out: [string, number] = [`LINT-${pad(n, 6)}`, SEED_PER_LINT * 20_000 * 0.38];
    m.transform(gin, 2, inputs, [out[0], "cotton lint", out[1]]);
    m.move(gin, spinner, 3, out[0], "cotton lint", out[1]);
    return out;
  };
  let lintN = 0;
  const yarn = (knitter: Place, n: number): [string, number] => {
    const spinner = pick(p.spinners, n);
    const inputs = Array.from({ length: LINT_PER_YARN }, () => lint(spinner, lintN++));
    const out: [string, number] = [`YARN-${pad(n)}`, inputs.reduce((s, [, kg]) => s + kg, 0) * 0.85];
    m.transform(spinner, 4, inputs, [out[0], "cotton yarn", out[1]]);
    m.move(spinner, knitter, 5, out[0], "cotton yarn", out[1]);
    return out;
  };
  let yarnN = 0;
  const fabrics: [string, number][] = [];
  for (let f = 0; f < fabricLots; f++) {
    const knitter = pick(p.knitters, f);
    const dyer = pick(p.dyers, f);
    const inputs = Array.from({ length: YARN_PER_GREIGE }, () => yarn(knitter, yarnN++));
    const greige: [string, number] = [`GREIGE-${pad(f)}`, inputs.reduce((s, [, kg]) => s + kg, 0) * 0.95];
    m.transform(knitter, 6, inputs, [greige[0], "greige fabric", greige[1]]);
    m.move(knitter, dyer, 7, greige[0], "greige fabric", greige[1]);
    const fabric: [string, number] = [`FABRIC-${pad(f)}`, greige[1] * 0.93];
    m.transform(dyer, 8, [greige], [fabric[0], "finished fabric", fabric[1]]);
    m.move(dyer, p.sewer, 9, fabric[0], "finished fabric", fabric[1]);
    fabrics.push(fabric);
  }
  const garments: [string, number] = ["GARMENT-00001", fabrics.reduce((s, [, kg]) => s + kg, 0) * 0.85];
  m.transform(p.sewer, 10, fabrics, [garments[0], "knitted cotton T-shirts", garments[1]]);
  m.move(p.sewer, p.importer, 11, garments[0], "knitted cotton T-shirts", garments[1], BENCH_SHIPMENT);
  const all = [...p.farms, ...p.gins, ...p.spinners, ...p.knitters, ...p.dyers, p.sewer, p.importer];
  return {
    facilities: [HEADER_FACILITIES, ...all.map(facilityRow)].join("\n"),
    movements: m.rows.join("\n"),
    shipment: BENCH_SHIPMENT,
    ancestryEvents: m.events,
    facilityCount: all.length,
  };
}
