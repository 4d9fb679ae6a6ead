import { crc32, deflateRawSync } from "node:zlib";

/** One part of a ZIP archive: its name and (uncompressed) bytes. */
export interface ZipPart {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A plain (non-ZIP64) archive, every part deflated: enough to build workbooks and bombs in tests. */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = deflateRawSync(part.bytes, { level: 9 });
    const crc = crc32(part.bytes);
    const common = [
      u16(20),
      u16(0),
      u16(8),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(data.length),
      u32(part.bytes.length),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(0), name, data]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...common,
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(parts.length),
    u16(parts.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/**
 * An .xlsx-shaped zip bomb: one sheet of `megabytes` MB of identical rows, which deflates more
 * than 1000:1 (20 MB of XML in about 20 kB of file).
 */
export function xlsxZipBomb(megabytes: number): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>lol</t></is></c></row>';
  const sheet = Buffer.from(
    `<worksheet><sheetData>${row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length))}</sheetData></worksheet>`,
  );
  return writeZip([
    { name: "[Content_Types].xml", bytes: Buffer.from(CONTENT_TYPES) },
    { name: "xl/worksheets/sheet1.xml", bytes: sheet },
  ]);
}
