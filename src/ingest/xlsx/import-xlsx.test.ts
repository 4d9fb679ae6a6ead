import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { collectChunks, importFacilitiesCsv, importMovementsCsv } from "../csv/index.ts";
import { importOpenSupplyHubCsv } from "../osh/index.ts";
import { streamBytes } from "../text/index.ts";
import { importXlsx } from "./import-xlsx.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const read = (path: string) => new Uint8Array(readFileSync(resolve(ROOT, path)));
const run = (bytes: Uint8Array, source = "book.xlsx") =>
  collectChunks(importXlsx({ source, bytes: streamBytes(bytes, 1000) }));
const runCsv = (importer: typeof importFacilitiesCsv, path: string) =>
  collectChunks(importer({ source: path, bytes: streamBytes(read(path)) }));

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("importXlsx", () => {
  it("reads the template workbook into the same records as the CSV templates", async () => {
    const { records, issues } = await run(read("templates/threadproof-templates.xlsx"));
    expect(issues).toEqual([]);
    const facilities = await runCsv(importFacilitiesCsv, "templates/facilities.csv");
    const movements = await runCsv(importMovementsCsv, "templates/movements.csv");
    expect(records.locations.map((l) => [l.id, l.latitude, l.address])).toEqual(
      facilities.records.locations.map((l) => [l.id, l.latitude, l.address]),
    );
    expect(records.links.map((l) => l.share)).toEqual([0.6, 0.25]);
    // Same event hash ids: date cells and number cells read exactly as their CSV text does.
    expect(records.events.map((e) => e.id)).toEqual(movements.records.events.map((e) => e.id));
    expect(records.events[1]?.provenance.locator).toBe("sheet movements, row 3 (event_ref SHIP-TX-0451)");
  });

  it("reads Open Supply Hub list 12 as .xlsx like its CSV copy", async () => {
    const { records, issues } = await run(read("test/fixtures/osh/12.xlsx"), "12.xlsx");
    expect(issues).toEqual([]);
    const csv = await runCsv(importOpenSupplyHubCsv, "test/fixtures/osh/12.csv");
    expect(records.locations).toHaveLength(15);
    // One address differs in the source files themselves: the .xlsx holds "N¬∫" (mojibake) where the CSV has "Nº".
    const csvIds = new Set(csv.records.locations.map((l) => l.id));
    const differing = records.locations.filter((l) => !csvIds.has(l.id));
    expect(differing.map((l) => l.address.lines[0])).toEqual([
      "Rua da Saudade, N¬∫ 280-400 -4815-413 Caldas de Vizela",
    ]);
    expect(records.locations[0]?.provenance).toEqual({ source: "12.xlsx", locator: "sheet 12, row 2" });
  });

  it("refuses the legacy 12.xls with one issue saying to save as .xlsx or CSV", async () => {
    const { records, issues } = await run(read("test/fixtures/osh/12.xls"), "12.xls");
    expect(records.locations).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "xlsx.legacy-xls", severity: "error" });
    expect(issues[0]?.message).toMatch(/save it as \.xlsx or as CSV/);
  });

  it("reads date and number cells and cites sheet and row for bad cells", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["event_ref", "event_type", "event_time", "facility_id", "lot_id", "quantity", "unit"]);
      ws.addRow(["E1", "origin", new Date(Date.UTC(2025, 2, 14, 8, 30)), "F1", "L1", 1234.5, "KGM"]);
      ws.addRow(["E2", "origin", "yesterday", "F1", "L2", 10, "KGM"]);
      ws.addRow(["E3", "origin", 45730, "F1", "L3", { formula: "2*5", result: 10 }, "KGM"]);
    });
    const { records, issues } = await run(bytes);
    expect(records.events.map((e) => e.eventTime)).toEqual(["2025-03-14T08:30:00Z", "2025-03-14T00:00:00Z"]);
    expect(records.events[0]?.quantities[0]?.quantity).toBe(1234.5);
    expect(records.events[1]?.quantities[0]?.quantity).toBe(10);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.provenance.locator, i.path])).toEqual([
      ["sheet Sheet1, row 3", "event_time"],
    ]);
  });

  it("skips a sheet it does not recognise with a warning and reads the others", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("Notes").addRow(["Prepared by", "Sourcing team"]);
      const ws = wb.addWorksheet("Suppliers");
      ws.addRow(["Country", "Name", "Address"]);
      ws.addRow(["Viet Nam", "Mill", "Road 1"]);
    });
    const { records, issues } = await run(bytes);
    expect(records.locations.map((l) => l.address.country)).toEqual(["VN"]);
    expect(issues.map((i) => [i.code, i.severity, i.provenance.locator])).toEqual([
      ["xlsx.unknown-sheet", "warning", "sheet Notes, row 1"],
    ]);
  });

  it("reports bytes that are not a workbook instead of throwing", async () => {
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const damaged = await run(zipHeaderOnly);
    expect(damaged.issues.map((i) => i.code)).toEqual(["xlsx.unreadable"]);
    const text = await run(new TextEncoder().encode("country,name,address\n"));
    expect(text.issues.map((i) => i.code)).toEqual(["xlsx.not-a-workbook"]);
  });
});
