import type { Command } from "commander";
import type { StoreStats } from "../../app/index.ts";
import { addGlobalOptions, globalOptions } from "../global-options.ts";
import { formatTable, printJson, printLine } from "../output.ts";
import { withStore } from "../with-store.ts";

/** `registeredDocuments`: files in the document registry (`threadproof docs`), beside the references events cite. */
export function printStats(location: string, stats: StoreStats, registeredDocuments?: number): void {
  printLine(`store: ${location}`);
  const rows: [string, number][] = [
    ["parties", stats.parties],
    ["locations", stats.locations],
    ["lots", stats.lots],
    ["events", stats.events],
    ["  of which retracted", stats.retractedEvents],
    ["links", stats.links],
    ["document references", stats.documents],
    ...(registeredDocuments === undefined
      ? []
      : [["registered documents", registeredDocuments] as [string, number]]),
    ["imports", stats.imports],
  ];
  printLine(
    formatTable(
      ["records", "count"],
      rows.map(([k, v]) => [k, v.toLocaleString("en-US")]),
    ),
  );
  const kinds = Object.entries(stats.eventsByKind).map(([k, v]) => [k, String(v)]);
  if (kinds.length > 0) printLine(`\n${formatTable(["event kind", "count"], kinds)}`);
  const countries = Object.entries(stats.locationsByCountry)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [k, String(v)]);
  if (countries.length > 0) printLine(`\n${formatTable(["country", "locations"], countries)}`);
}

export function registerStats(program: Command): void {
  addGlobalOptions(program.command("stats").description("count what the store holds")).action(
    async (_flags: unknown, command: Command) => {
      const options = globalOptions(command);
      await withStore(options, async (store) => {
        const stats = await store.stats();
        const registeredDocuments = (await store.registry.list()).length;
        if (options.json) printJson({ store: store.location, ...stats, registeredDocuments });
        else printStats(store.location, stats, registeredDocuments);
      });
    },
  );
}
