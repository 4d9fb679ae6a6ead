import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { type AddedDocument, AppError, addDocument, auditDocumentAdd, type Store } from "../app/index.ts";
import { cliPrincipal } from "./cli-principal.ts";

/** One row of a sample folder's `documents/manifest.csv`. */
interface ManifestRow {
  readonly file: string;
  readonly type: string;
  /** `;`-separated refs. */
  readonly ref: string;
  readonly date?: string;
  readonly note?: string;
}

async function readOrFail(path: string): Promise<Buffer> {
  return readFile(path).catch((e: unknown) => {
    throw new AppError("io", `${path}: cannot read a sample document`, { cause: e });
  });
}

function parseManifest(path: string, text: string): ManifestRow[] {
  const parsed = Papa.parse<ManifestRow>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0)
    throw new AppError(
      "invalid-input",
      `${path}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join("; ")}`,
    );
  return parsed.data;
}

/**
 * Registers the documents a sample folder's `documents/manifest.csv` lists (as `docs add` would),
 * so the main job's packages show some documents present. A folder without a manifest has none:
 * an empty result, not an error. Re-running adds nothing new.
 */
export async function registerSampleDocuments(store: Store, sampleDir: string): Promise<AddedDocument[]> {
  const folder = join(sampleDir, "documents");
  const manifest = join(folder, "manifest.csv");
  const text = await readFile(manifest, "utf8").catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AppError("io", `${manifest}: cannot read`, { cause: e });
  });
  if (text === undefined) return [];
  const added: AddedDocument[] = [];
  const principal = cliPrincipal();
  for (const row of parseManifest(manifest, text)) {
    const bytes = new Uint8Array(await readOrFail(join(folder, row.file)));
    const document = await addDocument(
      store,
      { name: row.file, bytes },
      {
        type: row.type,
        refs: row.ref.split(";"),
        ...(row.date ? { date: row.date } : {}),
        ...(row.note ? { note: row.note } : {}),
      },
    );
    await auditDocumentAdd(store, principal, document);
    added.push(document);
  }
  return added;
}
