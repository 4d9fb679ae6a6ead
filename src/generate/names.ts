/**
 * Name parts. Pairs are indexed so that the first 256 names of a kind are distinct. Words that
 * appear in UFLPA-listed names (Huafu, Tianshan, Junggar, Esquel, Yida, Taida, Zhongtai, Yinfeng,
 * Oasis, "Cotton and Linen"…) are left out on purpose: only the planted facilities may match the list.
 */
const ZH_FIRST = [
  "丰",
  "金",
  "恒",
  "润",
  "宏",
  "嘉",
  "博",
  "瑞",
  "鼎",
  "佳",
  "晨",
  "永",
  "盛",
  "和",
  "雪",
  "白",
];
const PY_FIRST = [
  "Feng",
  "Jin",
  "Heng",
  "Run",
  "Hong",
  "Jia",
  "Bo",
  "Rui",
  "Ding",
  "Jia",
  "Chen",
  "Yong",
  "Sheng",
  "He",
  "Xue",
  "Bai",
];
const ZH_SECOND = [
  "源",
  "穗",
  "晟",
  "泽",
  "棉",
  "禾",
  "远",
  "翔",
  "隆",
  "纺",
  "光",
  "信",
  "润",
  "莲",
  "云",
  "川",
];
const PY_SECOND = [
  "yuan",
  "sui",
  "sheng",
  "ze",
  "mian",
  "he",
  "yuan",
  "xiang",
  "long",
  "fang",
  "guang",
  "xin",
  "run",
  "lian",
  "yun",
  "chuan",
];
const EN_FIRST = [
  "Silver",
  "Golden",
  "Prairie",
  "Delta",
  "Red River",
  "Blue Creek",
  "High Plains",
  "Caprock",
  "Southern",
  "Cedar",
  "Mesa",
  "Pioneer",
  "Eagle",
  "Harvest",
  "Riverbend",
  "Summit",
];
const EN_SECOND = [
  "Ridge",
  "Valley",
  "Field",
  "Star",
  "Bay",
  "Crest",
  "Line",
  "Point",
  "Gate",
  "Land",
  "Park",
  "Way",
  "Rock",
  "Hill",
  "Wood",
  "Stone",
];
const PT_FIRST = [
  "Santa Luzia",
  "São Bento",
  "Boa Vista",
  "Santa Rita",
  "Três Irmãos",
  "Bom Jesus",
  "Santa Clara",
  "Ouro Verde",
  "Nova Era",
  "Primavera",
  "Rio Claro",
  "Serra Azul",
  "Campo Belo",
  "Vale Verde",
  "Estrela",
  "Aurora",
];
const VI_FIRST = [
  "Phú",
  "Thành",
  "Hưng",
  "Minh",
  "Tân",
  "Việt",
  "Hòa",
  "Đại",
  "An",
  "Phước",
  "Long",
  "Sơn",
  "Bảo",
  "Gia",
  "Nam",
  "Trường",
];
const VI_SECOND = [
  "Thịnh",
  "Phát",
  "Long",
  "An",
  "Hải",
  "Tiến",
  "Lợi",
  "Hưng",
  "Khang",
  "Thành",
  "Phú",
  "Đạt",
  "Vinh",
  "Tín",
  "Quang",
  "Nguyên",
];

function pairIndex(i: number): readonly [number, number] {
  const j = i % 256;
  const a = j % 16;
  return [a, (a + Math.floor(j / 16)) % 16];
}

function at(list: readonly string[], i: number): string {
  return list[i % list.length] ?? "";
}

export interface ChineseBrand {
  readonly zh: string;
  readonly pinyin: string;
}

export function chineseBrand(i: number): ChineseBrand {
  const [a, b] = pairIndex(i);
  return { zh: at(ZH_FIRST, a) + at(ZH_SECOND, b), pinyin: at(PY_FIRST, a) + at(PY_SECOND, b) };
}

export function englishBrand(i: number): string {
  const [a, b] = pairIndex(i);
  return `${at(EN_FIRST, a)} ${at(EN_SECOND, b)}`;
}

export function portugueseBrand(i: number): string {
  const [a, b] = pairIndex(i);
  return `${at(PT_FIRST, a)}${b === 0 ? "" : ` ${"IVX"[b % 3] ?? ""}`}`.trim();
}

export function vietnameseBrand(i: number): string {
  const [a, b] = pairIndex(i);
  return `${at(VI_FIRST, a)} ${at(VI_SECOND, b)}`;
}

/** Chinese company-type suffixes by role: characters, pinyin and English. */
export const CHINESE_SUFFIX = {
  farm: {
    zh: "棉花种植专业合作社",
    pinyin: "Mianhua Zhongzhi Zhuanye Hezuoshe",
    en: "Cotton Planting Cooperative",
  },
  gin: { zh: "棉业有限公司", pinyin: "Mianye Youxian Gongsi", en: "Cotton Co., Ltd." },
  trader: { zh: "棉花贸易有限公司", pinyin: "Mianhua Maoyi Youxian Gongsi", en: "Cotton Trading Co., Ltd." },
  relabel: {
    zh: "国际贸易有限公司",
    pinyin: "Guoji Maoyi Youxian Gongsi",
    en: "International Trading Co., Ltd.",
  },
  spinner: { zh: "纺织有限公司", pinyin: "Fangzhi Youxian Gongsi", en: "Textile Co., Ltd." },
} as const;

export const STREETS = [
  { zh: "团结路", pinyin: "Tuanjie Lu", en: "Tuanjie Road" },
  { zh: "人民路", pinyin: "Renmin Lu", en: "Renmin Road" },
  { zh: "解放路", pinyin: "Jiefang Lu", en: "Jiefang Road" },
  { zh: "建设路", pinyin: "Jianshe Lu", en: "Jianshe Road" },
  { zh: "友好路", pinyin: "Youhao Lu", en: "Youhao Road" },
  { zh: "棉城大道", pinyin: "Miancheng Dadao", en: "Miancheng Avenue" },
  { zh: "工业园区纬二路", pinyin: "Gongye Yuanqu Wei'er Lu", en: "Wei'er Road, Industrial Park" },
] as const;

export const ENGLISH_STREETS = [
  "Industrial Blvd",
  "County Road 7",
  "Main Street",
  "Gin Road",
  "Export Way",
  "Harbour Drive",
  "Mill Lane",
];
