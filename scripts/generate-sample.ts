/**
 * Writes the committed small sample (seed 42) into sample/ and its README from the ground truth.
 * Run: npx tsx scripts/generate-sample.ts
 */
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  generateChain,
  type PlantedCaseTruth,
  SAMPLE_SIZES,
  type ShipmentTruth,
} from "../src/generate/index.ts";

const OUT = resolve(import.meta.dirname, "../sample");
const SEED = 42;

interface Truth {
  readonly shipments: readonly ShipmentTruth[];
  readonly plantedCases: readonly PlantedCaseTruth[];
  readonly massBalance: readonly {
    name: string;
    location: string;
    stage: string;
    inputKg: number;
    outputKg: number;
    maxOutputKg: number;
    claims: readonly {
      origin: string;
      originInputKg: number;
      claimedOutputKg: number;
      maxClaimableKg: number;
    }[];
  }[];
  readonly summary: {
    clusters: number;
    events: number;
    epcisEvents: number;
    csvEvents: number;
    shipments: number;
    byVerdict: Record<string, number>;
  };
  readonly facilities: number;
}

/** Kept here rather than in a .md file so that the formatter leaves its placeholders alone. */
const README_TEMPLATE = `# Sample supply chain (generated, seed 42, size \`small\`)

Written by \`npx tsx scripts/generate-sample.ts\` (the same as \`threadproof generate --size small
--seed 42 --out sample\`). **Every company, facility, lot, event and document here is synthetic**,
except the two UFLPA-listed entities, whose names come from the bundled Entity List snapshot
(their identifiers and addresses here are invented). Same seed and size, same bytes: do not edit
these files by hand; change the generator and regenerate.

## Files

- \`chain.epcis.jsonld\`: one EPCIS 2.0 JSON-LD capture document. Master data
  (\`epcisHeader.epcisMasterData\`) describes every facility as a BusinessLocation (name, street,
  city, state, postal code, country, latitude, longitude). Farms commission seed-cotton lots
  (ObjectEvent ADD, \`commissioning\`, ILMD \`cbvmda:countryOfOrigin\`), gins, spinners, mills and
  garment factories transform lots (TransformationEvent, \`commissioning\` for the outputs; \`repackaging\` for the relabel), and every movement is a
  \`shipping\` ObjectEvent at the sender and a \`receiving\` one at the receiver with po/inv (and a
  bill of lading across borders) in \`bizTransactionList\`. Lots are LGTINs, locations SGLNs,
  parties PGLNs; all quantities in KGM.
- \`facilities.csv\`: every facility and its operating party, in the \`templates/\` format. Chinese
  companies are written in characters, pinyin or English (the other forms as aliases) with
  USCCs whose characters 3–8 are the registering region (65xxxx Xinjiang, 6590xx XPCC cities).
  Gins in XPCC cities (Shihezi, Aral, Tumxuk) are 60 % owned by the Xinjiang Production and
  Construction Corps (\`owner_*\` columns).
- \`movements.csv\`: the events of suppliers that do not use EPCIS (some Pakistani spinners,
  Cambodian mills, Bangladeshi garment factories), in the \`templates/\` format. These events are
  in no JSON-LD document.
- \`ground-truth.json\`: what a correct tracer must conclude, computed by the generator from the
  masses it moved, independently of any tracer. \`conventions\` in the file states the composition
  rules, the origin keys (\`CN-XJ\` for Xinjiang, ISO country codes otherwise), the flag codes and
  the verdict rule.

Bills of lading appear in the JSON-LD as \`urn:epcglobal:cbv:bt:<issuer GLN>:<number>\`; the
ground truth and movements.csv give the number alone (\`BOL-MAEU-5505\`).

## In numbers

{{summary}}

## Planted cases

| kind | what | cases (cluster) | shipments (bol) |
|---|---|---|---|
{{cases}}

## Over-claimed facilities (per-location totals)

{{massBalance}}

## Import shipments and their expected answers

Shares are of the shipment's mass; \`listed\` names the UFLPA-listed entity met upstream and
whether it operates the facility or owns its operator.

| bol | supply web | from | mass | Xinjiang | unknown | origins | listed | expected flags | verdict |
|---|---|---|---|---|---|---|---|---|---|
{{shipments}}
`;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const kg = (x: number): string => `${Math.round(x).toLocaleString("en-US")} kg`;

function shipmentRow(s: ShipmentTruth): string {
  const origins = Object.entries(s.originCountries)
    .map(([o, v]) => `${o} ${pct(v)}`)
    .join(", ");
  const listed = s.listedEntityInChain.entities.map((e) => `${e.entity} (${e.via})`).join("; ") || "–";
  return `| ${s.bol} | ${s.clusterKind} | ${s.exporter.country} | ${kg(s.totalKg)} | ${pct(s.xinjiangShare)} | ${pct(s.unknownShare)} | ${origins} | ${listed} | ${s.expectedFlags.join(", ") || "–"} | ${s.expectedVerdict} |`;
}

function massBalanceText(truth: Truth): string {
  return truth.massBalance
    .map((m) => {
      const claims = m.claims
        .map(
          (c) =>
            `; claimed ${c.origin} output ${kg(c.claimedOutputKg)} against ${kg(c.originInputKg)} of ${c.origin} input (at most ${kg(c.maxClaimableKg)})`,
        )
        .join("");
      return `- **${m.name}** (\`${m.location}\`, ${m.stage}): input ${kg(m.inputKg)}, output ${kg(m.outputKg)} (at most ${kg(m.maxOutputKg)} at the maximum yield)${claims}.`;
    })
    .join("\n");
}

function readme(truth: Truth): string {
  const s = truth.summary;
  const kinds = [...new Set(truth.plantedCases.map((c) => c.kind))];
  const cases = kinds
    .map((kind) => {
      const of = truth.plantedCases.filter((c) => c.kind === kind);
      return `| \`${kind}\` | ${of[0]?.description ?? ""} | ${of.map((c) => c.cluster).join(", ")} | ${of.flatMap((c) => c.shipments).join(", ")} |`;
    })
    .join("\n");
  return README_TEMPLATE.replace(
    "{{summary}}",
    `${s.events} events (${s.epcisEvents} in the JSON-LD document, ${s.csvEvents} in movements.csv) in ${s.clusters} supply webs over ${truth.facilities} facilities; ${s.shipments} import shipments: ${Object.entries(
      s.byVerdict,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}.`,
  )
    .replace("{{shipments}}", truth.shipments.map(shipmentRow).join("\n"))
    .replace("{{cases}}", cases)
    .replace("{{massBalance}}", massBalanceText(truth));
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  for (const name of await readdir(OUT)) await rm(join(OUT, name));
  const written: string[] = [];
  for (const file of generateChain({ events: SAMPLE_SIZES.small, seed: SEED }).files) {
    await pipeline(Readable.from(file.chunks), createWriteStream(join(OUT, file.name)));
    written.push(file.name);
  }
  const truth = JSON.parse(readFileSync(join(OUT, "ground-truth.json"), "utf8")) as Truth;
  writeFileSync(join(OUT, "README.md"), readme(truth));
  console.log(`wrote ${written.length} files and README.md to ${OUT}`);
}

await main();
