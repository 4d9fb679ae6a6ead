// Importers: strings/bytes in, { records, issues } out. Filled in by each format's folder.
export {};
