import { type GenerateOptions, generateChain } from "./generate-chain.ts";

/** Helpers for this folder's tests: whole files as text (small chains only) and naive CSV parsing. */
export function generateTexts(options: GenerateOptions): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of generateChain(options).files) {
    let text = "";
    for (const chunk of file.chunks) text += chunk;
    out.set(file.name, text);
  }
  return out;
}

/** RFC 4180 rows (quoted cells with commas, doubled quotes); enough for the generator's own output. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries((header ?? []).map((name, j) => [name, cells[j] ?? ""])));
}

export function csvHeader(text: string): string[] {
  return (text.split("\n")[0] ?? "").split(",");
}

export interface JsonEvent {
  readonly type: string;
  readonly eventID: string;
  readonly eventTime: string;
  readonly eventTimeZoneOffset: string;
  readonly action?: string;
  readonly bizStep?: string;
  readonly bizLocation?: { readonly id: string };
  readonly quantityList?: readonly { epcClass: string; quantity: number; uom: string }[];
  readonly inputQuantityList?: readonly { epcClass: string; quantity: number; uom: string }[];
  readonly outputQuantityList?: readonly { epcClass: string; quantity: number; uom: string }[];
  readonly bizTransactionList?: readonly { type: string; bizTransaction: string }[];
  readonly ilmd?: Readonly<Record<string, string>>;
  readonly errorDeclaration?: { readonly correctiveEventIDs: readonly string[] };
}

export function eventsOf(jsonld: string): JsonEvent[] {
  return (JSON.parse(jsonld) as { epcisBody: { eventList: JsonEvent[] } }).epcisBody.eventList;
}
