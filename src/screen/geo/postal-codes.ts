/**
 * Chinese postal codes (six digits). The bundled division tables carry none, so these prefixes are
 * curated from China Post's allocation: the first two digits name the province, and 83–84 are
 * Xinjiang's. Within Xinjiang, the longest matching prefix gives the prefecture (best effort: the
 * offices of neighbouring prefectures interleave, so the prefecture is reported as "about").
 */
const PROVINCE_BY_PREFIX: Readonly<Record<string, string>> = {
  "10": "110000",
  "30": "120000",
  "05": "130000",
  "06": "130000",
  "07": "130000",
  "03": "140000",
  "04": "140000",
  "01": "150000",
  "02": "150000",
  "11": "210000",
  "12": "210000",
  "13": "220000",
  "15": "230000",
  "16": "230000",
  "20": "310000",
  "21": "320000",
  "22": "320000",
  "31": "330000",
  "32": "330000",
  "23": "340000",
  "24": "340000",
  "35": "350000",
  "36": "350000",
  "33": "360000",
  "34": "360000",
  "25": "370000",
  "26": "370000",
  "27": "370000",
  "45": "410000",
  "46": "410000",
  "47": "410000",
  "43": "420000",
  "44": "420000",
  "41": "430000",
  "42": "430000",
  "51": "440000",
  "52": "440000",
  "53": "450000",
  "54": "450000",
  "57": "460000",
  "40": "500000",
  "61": "510000",
  "62": "510000",
  "63": "510000",
  "64": "510000",
  "55": "520000",
  "56": "520000",
  "65": "530000",
  "66": "530000",
  "67": "530000",
  "85": "540000",
  "86": "540000",
  "71": "610000",
  "72": "610000",
  "73": "620000",
  "74": "620000",
  "81": "630000",
  "75": "640000",
  "83": "650000",
  "84": "650000",
};

const XINJIANG_BY_PREFIX: Readonly<Record<string, string>> = {
  "830": "650100",
  "8314": "650100",
  "831": "652300",
  "8313": "659004",
  "832": "659001",
  "8321": "654200",
  "8322": "652300",
  "833": "652700",
  "8330": "654200",
  "8332": "654000",
  "8336": "650200",
  "834": "650200",
  "8344": "654200",
  "8345": "654200",
  "8346": "654200",
  "8347": "654200",
  "8348": "654200",
  "835": "654000",
  "836": "654300",
  "8360": "659005",
  "838": "650400",
  "839": "650500",
  "841": "652800",
  "842": "652900",
  "843": "652900",
  "8433": "659002",
  "8435": "653000",
  "8438": "653100",
  "8439": "659003",
  "844": "653100",
  "845": "653000",
  "8451": "653200",
  "8452": "653100",
  "848": "653200",
};

/** The division a postal code points at: a Xinjiang prefecture, or another province. */
export function divisionOfPostalCode(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  if (code.startsWith("83") || code.startsWith("84")) {
    for (const len of [4, 3]) {
      const hit = XINJIANG_BY_PREFIX[code.slice(0, len)];
      if (hit) return hit;
    }
    return "650000";
  }
  return PROVINCE_BY_PREFIX[code.slice(0, 2)];
}
