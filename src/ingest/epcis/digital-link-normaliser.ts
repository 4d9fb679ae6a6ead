/**
 * The event-hash algorithm's identifier canonicaliser: any EPC URI (id, class, idpat) or GS1 Digital
 * Link URI becomes the constrained canonical Digital Link (`https://id.gs1.org/01/…/21/…`), at the
 * finest level of identification, without CPV or query string. A faithful port of `dl_normaliser.py`
 * in the reference implementation (RalphTro/epcis-event-hash-generator, MIT), quirks included,
 * because event ids must match every other implementation bit for bit.
 */

/** One character of an EPC URI serial/lot (GS1 AI encodable set 82, percent-escaped where needed). */
const C82 =
  "(%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!')(*+,.0-9:;=A-Za-z_-])";
const CPI = "(%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])";
/** GS1 AI character set 82 as the Digital Link side accepts it. */
const DL82 = "[\\x22\\x27\\x2D\\x2E\\x30-\\x39\\x3B-\\x3F\\x41-\\x5A\\x5F\\x61-\\x7A]";
const CP_ITEM =
  "((\\d{6}\\.\\d{7})|(\\d{7}\\.\\d{6})|(\\d{8}\\.\\d{5})|(\\d{9}\\.\\d{4})|(\\d{10}\\.\\d{3})|(\\d{11}\\.\\d{2})|(\\d{12}\\.\\d{1}))";
const CP_LOC =
  "((\\d{6}\\.\\d{6})|(\\d{7}\\.\\d{5})|(\\d{8}\\.\\d{4})|(\\d{9}\\.\\d{3})|(\\d{10}\\.\\d{2})|(\\d{11}\\.\\d{1})|(\\d{12}\\.))";
const CP_LOC2 =
  "((\\d{6}\\.\\d{6})|(\\d{7}\\.\\d{5})|(\\d{8}\\.\\d{4})|(\\d{9}\\.\\d{3})|(\\d{10}\\.\\d{2})|(\\d{11}\\.\\d{1})|(\\d{12}\\.\\.))";

function anchored(source: string): RegExp {
  return new RegExp(`^(?:${source})`);
}

function prefixed(lengths: readonly [number, number][], tail: string): string {
  return lengths.map(([cp, rest]) => `(\\d{${cp}}\\.${tail.replace("N", String(rest))})`).join("|");
}

const CP_LENGTHS: readonly [number, number][] = [
  [6, 24],
  [7, 23],
  [8, 22],
  [9, 21],
  [10, 20],
  [11, 19],
  [12, 18],
];

/** GS1 standard check digit (GenSpecs §7.9.1), computed the way the reference does. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  const reversed = [...digits].reverse();
  reversed.forEach((ch, i) => {
    sum += Number(ch) * (i % 2 === 0 ? 3 : 1);
  });
  return Math.ceil(sum / 10) * 10 - sum;
}

/** GS1 Digital Link Table 7-1: characters to percent-encode (those EPC URIs still allow). */
function percentEncode(s: string): string {
  return s
    .replaceAll("!", "%21")
    .replaceAll("(", "%28")
    .replaceAll(")", "%29")
    .replaceAll("*", "%2A")
    .replaceAll("+", "%2B")
    .replaceAll(",", "%2C")
    .replaceAll(":", "%3A");
}

interface UrnRule {
  readonly pattern: RegExp;
  readonly convert: (uri: string, partition: number) => string;
}

const DL = "https://id.gs1.org/";

function gtinOf(uri: string, start: number, partition: number): string {
  const cp = uri.slice(start, partition);
  const itemRef = uri.slice(partition + 1, partition + 1 + (13 - cp.length));
  const raw = itemRef.slice(0, 1) + cp + itemRef.slice(1);
  return raw + String(gs1CheckDigit(raw));
}

function glnOf(uri: string, start: number, partition: number): string {
  const cp = uri.slice(start, partition);
  const raw = cp + uri.slice(partition + 1, partition + 1 + (12 - cp.length));
  return raw + String(gs1CheckDigit(raw));
}

const ID_RULES: readonly UrnRule[] = [
  {
    pattern: anchored(`^urn:epc:id:sgtin:${CP_ITEM}\\.${C82}{1,20}$`),
    convert: (u, p) => `${DL}01/${gtinOf(u, 17, p)}/21/${percentEncode(u.slice(32))}`,
  },
  {
    pattern: anchored(
      "^urn:epc:id:sscc:((\\d{6}\\.\\d{11}$)|(\\d{7}\\.\\d{10}$)|(\\d{8}\\.\\d{9}$)|(\\d{9}\\.\\d{8}$)|(\\d{10}\\.\\d{7}$)|(\\d{11}\\.\\d{6}$)|(\\d{12}\\.\\d{5}$))",
    ),
    convert: (u, p) => {
      const raw = u.slice(p + 1, p + 2) + u.slice(16, p) + u.slice(p + 2);
      return `${DL}00/${raw}${gs1CheckDigit(raw)}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:id:sgln:${CP_LOC}\\.${C82}{1,20}$`),
    convert: (u, p) => {
      const ext = u.slice(30);
      const gln = glnOf(u, 16, p);
      return ext === "0" ? `${DL}414/${gln}` : `${DL}414/${gln}/254/${percentEncode(ext)}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:id:grai:${CP_LOC2}\\.${C82}{1,16}$`),
    convert: (u, p) => {
      const cp = u.slice(16, p);
      const raw = `0${cp}${u.slice(p + 1, p + 1 + (12 - cp.length))}`;
      return `${DL}8003/${raw}${gs1CheckDigit(raw)}${percentEncode(u.slice(30))}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:id:giai:(${prefixed(CP_LENGTHS, `${C82}{1,N}`)})$`),
    convert: (u, p) => `${DL}8004/${u.slice(16, p)}${percentEncode(u.slice(p + 1))}`,
  },
  {
    pattern: anchored(
      "^urn:epc:id:gsrn:(([\\d]{6}\\.[\\d]{11}$)|([\\d]{7}\\.[\\d]{10}$)|([\\d]{8}\\.[\\d]{9}$)|([\\d]{9}\\.[\\d]{8}$)|([\\d]{10}\\.[\\d]{7}$)|([\\d]{11}\\.[\\d]{6}$)|([\\d]{12}\\.[\\d]{5}$))",
    ),
    convert: (u, p) => {
      const raw = u.slice(16, p) + u.slice(p + 1);
      return `${DL}8018/${raw}${gs1CheckDigit(raw)}`;
    },
  },
  {
    pattern: anchored(
      "^urn:epc:id:gsrnp:(([\\d]{6}\\.[\\d]{11}$)|([\\d]{7}\\.[\\d]{10}$)|([\\d]{8}\\.[\\d]{9}$)|([\\d]{9}\\.[\\d]{8}$)|([\\d]{10}\\.[\\d]{7}$)|([\\d]{11}\\.[\\d]{6}$)|([\\d]{12}\\.[\\d]{5}$))",
    ),
    convert: (u, p) => {
      const raw = u.slice(17, p) + u.slice(p + 1);
      return `${DL}8017/${raw}${gs1CheckDigit(raw)}`;
    },
  },
  {
    // No dot between document type and serial: the reference's pattern, kept as is.
    pattern: anchored(`^urn:epc:id:gdti:${CP_LOC2}${C82}{1,20}$`),
    convert: (u, p) => `${DL}253/${glnOf(u, 16, p)}${percentEncode(u.slice(30))}`,
  },
  {
    pattern: anchored(`^urn:epc:id:cpi:(${prefixed(CP_LENGTHS, `${CPI}{1,N}`)})\\.[\\d]{1,12}$`),
    convert: (u, p) => {
      const sep = u.lastIndexOf(".");
      const raw = u.slice(15, p) + u.slice(p + 1, sep);
      return `${DL}8010/${percentEncode(raw)}/8011/${u.slice(sep + 1)}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:id:sgcn:${CP_LOC}\\.[\\d]{1,12}$`),
    convert: (u, p) => `${DL}255/${glnOf(u, 16, p)}${u.slice(30)}`,
  },
  {
    pattern: anchored(`^urn:epc:id:ginc:(${prefixed(CP_LENGTHS, `${C82}{1,N}`)})$`),
    convert: (u, p) => `${DL}401/${u.slice(16, p)}${percentEncode(u.slice(p + 1))}`,
  },
  {
    pattern: anchored(
      "^urn:epc:id:gsin:(([\\d]{6}\\.[\\d]{10}$)|([\\d]{7}\\.[\\d]{9}$)|([\\d]{8}\\.[\\d]{8}$)|([\\d]{9}\\.[\\d]{7}$)|([\\d]{10}\\.[\\d]{6}$)|([\\d]{11}\\.[\\d]{5}$)|([\\d]{12}\\.[\\d]{4}$))",
    ),
    convert: (u, p) => {
      const raw = u.slice(16, p) + u.slice(p + 1);
      return `${DL}402/${raw}${gs1CheckDigit(raw)}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:id:itip:${CP_ITEM}\\.[\\d]{2}\\.[\\d]{2}\\.${C82}{1,20}$`),
    convert: (u, p) =>
      `${DL}8006/${gtinOf(u, 16, p)}${u.slice(31, 33)}${u.slice(34, 36)}/21/${percentEncode(u.slice(37))}`,
  },
  {
    pattern: anchored(`^urn:epc:id:upui:${CP_ITEM}\\.${C82}{1,28}$`),
    convert: (u, p) => `${DL}01/${gtinOf(u, 16, p)}/235/${percentEncode(u.slice(31))}`,
  },
  {
    pattern: anchored(`^urn:epc:id:pgln:${CP_LOC}$`),
    convert: (u, p) => `${DL}417/${glnOf(u, 16, p)}`,
  },
  {
    pattern: anchored(`^urn:epc:class:lgtin:${CP_ITEM}\\.${C82}{1,20}$`),
    convert: (u, p) => `${DL}01/${gtinOf(u, 20, p)}/10/${percentEncode(u.slice(35))}`,
  },
];

const PATTERN_RULES: readonly UrnRule[] = [
  {
    pattern: anchored(`^urn:epc:idpat:sgtin:${CP_ITEM}\\.\\*$`),
    convert: (u, p) => `${DL}01/${gtinOf(u, 20, p)}`,
  },
  {
    pattern: anchored(`^urn:epc:idpat:grai:${CP_LOC2}\\.\\*$`),
    convert: (u, p) => {
      const cp = u.slice(19, p);
      const raw = `0${cp}${u.slice(p + 1, p + 1 + (12 - cp.length))}`;
      return `${DL}8003/${raw}${gs1CheckDigit(raw)}`;
    },
  },
  {
    pattern: anchored(`^urn:epc:idpat:gdti:${CP_LOC2}\\.\\*$`),
    convert: (u, p) => `${DL}253/${glnOf(u, 19, p)}`,
  },
  {
    pattern: anchored(`^urn:epc:idpat:sgcn:${CP_LOC2}\\.\\*$`),
    convert: (u, p) => `${DL}255/${glnOf(u, 19, p)}`,
  },
  {
    pattern: anchored(`^urn:epc:idpat:cpi:(${prefixed(CP_LENGTHS, `${CPI}{1,N}`)})\\.\\*$`),
    convert: (u, p) => `${DL}8010/${percentEncode(u.slice(18, p) + u.slice(p + 1, u.lastIndexOf(".")))}`,
  },
  {
    pattern: anchored(`^urn:epc:idpat:itip:${CP_ITEM}\\.[\\d]{2}\\.[\\d]{2}\\.\\*$`),
    convert: (u, p) => `${DL}8006/${gtinOf(u, 19, p)}${u.slice(34, 36)}${u.slice(37, 39)}`,
  },
  {
    pattern: anchored(`^urn:epc:idpat:upui:${CP_ITEM}\\.\\*$`),
    convert: (u, p) => `${DL}01/${gtinOf(u, 19, p)}`,
  },
];

const DL_SHAPE =
  /^https?:(\/\/((([^/?#]*)@)?([^/?#:]*)(:([^/?#]*))?))?((([^?#]*)(\/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)\/)(\d{4}[^/]+)(\/[^/]+\/[^/]+)?[/]?(\?([^?\n]*))?(#([^\n]*))?)|(\/[A-Za-z_-]{10}$))/;
const CANONICAL_HOST =
  /^https:\/\/id.gs1.org\/(01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)\/(\d{4}[^/]+)(\/[^/]+\/[^/]+)?[/]?(\?([^?\n]*))?(#([^\n]*))?|(\/[A-Za-z_-]{10}$)/;
const HOST_KEYS = [
  "00",
  "01",
  "253",
  "255",
  "401",
  "402",
  "414",
  "417",
  "8003",
  "8004",
  "8006",
  "8010",
  "8017",
  "8018",
];
const SHORT_NAMES: readonly [string, string][] = [
  ["gtin", "01"],
  ["itip", "8006"],
  ["cpid", "8010"],
  ["gln", "414"],
  ["party", "417"],
  ["gsrnp", "8017"],
  ["gsrn", "8018"],
  ["gcn", "255"],
  ["sscc", "00"],
  ["gdti", "253"],
  ["ginc", "401"],
  ["gsin", "402"],
  ["grai", "8003"],
  ["giai", "8004"],
  ["cpv", "22"],
  ["lot", "10"],
  ["ser", "21"],
];

const VALID: readonly RegExp[] = [
  "00\\/(\\d{18})$",
  `01\\/(\\d{14})\\/21\\/(${DL82}{0,20})$`,
  `01\\/(\\d{14})\\/10\\/(${DL82}{0,20})$`,
  "01\\/(\\d{14})$",
  `01\\/(\\d{14})\\/235\\/(${DL82}{0,28})$`,
  `253\\/(\\d{13})(${DL82}{0,17})$`,
  "255\\/(\\d{13})(\\d{0,12})$",
  `401\\/(${DL82}{0,30})$`,
  "402\\/(\\d{17})$",
  "414\\/(\\d{13})$",
  `414\\/(\\d{13})\\/254\\/(${DL82}{0,20})$`,
  "417\\/(\\d{13})$",
  `8003\\/(\\d{14})(${DL82}{0,16})$`,
  `8004\\/(${DL82}{0,30})$`,
  `8006\\/(\\d{18})\\/21\\/(${DL82}{0,20})$`,
  `8006\\/(\\d{18})\\/10\\/(${DL82}{0,20})$`,
  "8006\\/(\\d{18})$",
  "8010\\/([\\x23\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]{0,30})\\/8011/(\\d{0,12})$",
  "8010\\/([\\x23\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]{0,30})$",
  "8017\\/(\\d{18})$",
  "8018\\/(\\d{18})$",
].map((s) => anchored(`https:\\/\\/id.gs1.org\\/${s}`));

const CPV_ONLY = [
  anchored(`https:\\/\\/id.gs1.org\\/8006\\/\\d{18}\\/22\\/(${DL82}{0,20})$`),
  anchored(`https:\\/\\/id.gs1.org\\/01\\/\\d{14}\\/22\\/(${DL82}{0,20})$`),
];
const CPV_MORE = [
  anchored(`https:\\/\\/id.gs1.org\\/8006\\/\\d{18}\\/22\\/([\\x2F${DL82.slice(1, -1)}]{0,20})$`),
  anchored(`https:\\/\\/id.gs1.org\\/01\\/\\d{14}\\/22\\/([\\x2F${DL82.slice(1, -1)}]{0,20})$`),
];
const LOT_AND_SERIAL = [
  anchored(`https:\\/\\/id.gs1.org\\/8006\\/\\d{18}\\/10\\/(${DL82}{0,20})\\/21\\/(${DL82}{0,20})$`),
  anchored(`https:\\/\\/id.gs1.org\\/01\\/(\\d{14})\\/10\\/(${DL82}{0,20})\\/21\\/(${DL82}{0,20})$`),
];

function onCanonicalHost(uri: string): string {
  let u = uri.includes("?") ? uri.slice(0, uri.indexOf("?")) : uri;
  for (const [name, ai] of SHORT_NAMES) u = u.replaceAll(`/${name}/`, `/${ai}/`);
  if (CANONICAL_HOST.test(u)) return u;
  for (const key of HOST_KEYS) {
    const at = u.indexOf(`/${key}/`);
    if (at !== -1) return `https://id.gs1.org${u.slice(at)}`;
  }
  return u;
}

function padGtin(u: string): string {
  if (/^https:\/\/id.gs1.org\/01\/\d{14}/.test(u)) return u;
  if (/^https:\/\/id.gs1.org\/01\/\d{13}/.test(u)) return u.replace("/01/", "/01/0");
  if (/^https:\/\/id.gs1.org\/01\/\d{12}/.test(u)) return u.replace("/01/", "/01/00");
  if (/^https:\/\/id.gs1.org\/01\/\d{8}/.test(u)) return u.replace("/01/", "/01/000000");
  return u;
}

function dropQualifiers(uri: string): string {
  let u = uri;
  const x = u.slice(u.indexOf("/22/") + 4);
  // Python's x[x.find('/'):-1] when there is no '/' gives x[-1:-1] = "" — mirrored here.
  if (CPV_ONLY.some((r) => r.test(u))) {
    const slash = x.indexOf("/");
    u = u.slice(0, u.indexOf("/22/")) + (slash === -1 ? "" : x.slice(slash, -1));
  }
  if (CPV_MORE.some((r) => r.test(u))) {
    const slash = x.indexOf("/");
    u = u.slice(0, u.indexOf("/22/")) + (slash === -1 ? x.slice(-1) : x.slice(slash));
  }
  if (LOT_AND_SERIAL.some((r) => r.test(u))) {
    const y = u.slice(u.indexOf("/10/") + 4);
    u = u.slice(0, u.indexOf("/10/")) + y.slice(y.indexOf("/"));
  }
  return u;
}

function normaliseDigitalLink(uri: string): string | undefined {
  if (!DL_SHAPE.test(uri)) return undefined;
  const u = dropQualifiers(padGtin(onCanonicalHost(uri)));
  return VALID.some((r) => r.test(u)) ? u : undefined;
}

/** The canonical Digital Link of an EPC URI / Digital Link, or undefined when it carries no GS1 key. */
export function normaliseGs1Uri(uri: string): string | undefined {
  const partition = uri.indexOf(".");
  if (partition === -1) return undefined;
  // Cheap guards first: most values are neither (times, quantities, vocabulary URIs).
  if (uri.startsWith("urn:epc:")) {
    for (const rule of uri.startsWith("urn:epc:idpat:") ? PATTERN_RULES : ID_RULES) {
      if (rule.pattern.test(uri)) return rule.convert(uri, partition);
    }
    return undefined;
  }
  return uri.startsWith("http") ? normaliseDigitalLink(uri) : undefined;
}
