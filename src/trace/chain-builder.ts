import type { EventKind, LocationId, LotId, QuantityLine, SupplyEvent } from "../model/index.ts";
import { eventId, locationId, lotId, provenance } from "../model/index.ts";

/**
 * Builds `SupplyEvent`s for hand-computed scenarios in tests and for the benchmark. A line is
 * `[lot, quantity]` (kg) or `[lot, quantity, uom]`.
 */
export type Line = readonly [lot: string, quantity: number | undefined, uom?: string];

export interface EventOptions {
  readonly id?: string;
  readonly time?: string;
  /** `cbvmda:countryOfOrigin` claimed in ILMD. */
  readonly claim?: string;
  /** Business transactions, e.g. `["po", "inv"]`. */
  readonly documents?: readonly string[];
  readonly retracted?: boolean;
}

let sequence = 0;

function quantityLine([lot, quantity, uom = "KGM"]: Line): QuantityLine {
  const base = { lot: lotId(lot) as LotId, uom };
  return quantity === undefined ? base : { ...base, quantity };
}

function event(
  kind: EventKind,
  epcisType: SupplyEvent["epcisType"],
  location: string,
  parts: Partial<Pick<SupplyEvent, "quantities" | "inputs" | "outputs" | "action">>,
  options: EventOptions,
): SupplyEvent {
  sequence++;
  const id = options.id ?? `evt:${sequence}`;
  const base: SupplyEvent = {
    typeName: "event",
    id: eventId(id),
    epcisType,
    kind,
    eventTime: options.time ?? new Date(Date.UTC(2024, 0, 1) + sequence * 60_000).toISOString(),
    eventTimeZoneOffset: "+00:00",
    bizLocation: locationId(location) as LocationId,
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: parts.quantities ?? [],
    inputs: parts.inputs ?? [],
    outputs: parts.outputs ?? [],
    bizTransactions: (options.documents ?? []).map((type) => ({ type, id: `${type}-${sequence}` })),
    sources: [],
    destinations: [],
    ilmd: options.claim ? { "cbvmda:countryOfOrigin": options.claim } : {},
    extra: {},
    retracted: options.retracted ?? false,
    provenance: provenance("test", `event ${id}`),
    ...(parts.action ? { action: parts.action } : {}),
  };
  return options.retracted
    ? { ...base, errorDeclaration: { declarationTime: base.eventTime, correctiveEventIds: [] } }
    : base;
}

/** Commissioning (ObjectEvent ADD): lots come into being at `location`. */
export function commission(
  location: string,
  lines: readonly Line[],
  options: EventOptions = {},
): SupplyEvent {
  return event(
    "origin",
    "ObjectEvent",
    location,
    { quantities: lines.map(quantityLine), action: "ADD" },
    options,
  );
}

export function transform(
  location: string,
  inputs: readonly Line[],
  outputs: readonly Line[],
  options: EventOptions = {},
): SupplyEvent {
  return event(
    "transform",
    "TransformationEvent",
    location,
    { inputs: inputs.map(quantityLine), outputs: outputs.map(quantityLine) },
    options,
  );
}

export function custody(
  kind: "ship" | "receive" | "observe" | "aggregate",
  location: string,
  lines: readonly Line[],
  options: EventOptions = {},
): SupplyEvent {
  return event(
    kind,
    "ObjectEvent",
    location,
    { quantities: lines.map(quantityLine), action: "OBSERVE" },
    options,
  );
}

export function lot(raw: string): LotId {
  return lotId(raw);
}

export function location(raw: string): LocationId {
  return locationId(raw);
}
