import Papa from "papaparse";
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

/** CSV rows keyed by header, read with papaparse (the parser the importers use) rather than by hand. */
export function parseCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
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
