/**
 * Places facilities are drawn from. Real prefectures, XPCC cities (GB/T 2260 codes from
 * ../shared/data/geo), postal codes and coordinates; street names and numbers are invented.
 * Chinese places carry their name in characters, pinyin and English so that facilities can be
 * written in different scripts, as real supplier data is.
 */

/** Where an origin lot's mass is attributed: ISO 3166-1 alpha-2, or `CN-XJ` for Xinjiang. */
export type OriginRegion = "CN-XJ" | "US" | "BR" | "AU" | "IN";

export interface Spelling {
  readonly en: string;
  readonly zh?: string;
  readonly pinyin?: string;
}

export interface Place {
  readonly key: string;
  readonly country: string;
  readonly origin?: OriginRegion;
  /** GB/T 2260 county-level code (China only): goes into USCC characters 3–8. */
  readonly adminCode?: string;
  readonly state: Spelling;
  /** Prefecture (China only), between the province and the city in a Chinese address. */
  readonly prefecture?: Spelling;
  readonly city: Spelling;
  readonly postalCode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly timeZoneOffset: string;
  /** XPCC division and regiment, for addresses inside XPCC-administered cities. */
  readonly xpcc?: { readonly division: Spelling; readonly regiment: Spelling };
}

const XJ: Spelling = {
  en: "Xinjiang Uygur Autonomous Region",
  zh: "新疆维吾尔自治区",
  pinyin: "Xinjiang Weiwuer Zizhiqu",
};

function xj(
  key: string,
  adminCode: string,
  prefecture: Spelling | undefined,
  city: Spelling,
  postalCode: string,
  latLon: readonly [number, number],
  xpcc?: Place["xpcc"],
): Place {
  return {
    key,
    country: "CN",
    origin: "CN-XJ",
    adminCode,
    state: XJ,
    ...(prefecture ? { prefecture } : {}),
    city,
    postalCode,
    latitude: latLon[0],
    longitude: latLon[1],
    timeZoneOffset: "+08:00",
    ...(xpcc ? { xpcc } : {}),
  };
}

const AKSU = { en: "Aksu Prefecture", zh: "阿克苏地区", pinyin: "Akesu Diqu" };
const KASHGAR = { en: "Kashgar Prefecture", zh: "喀什地区", pinyin: "Kashi Diqu" };
const BAYINGOLIN = {
  en: "Bayingolin Mongol Autonomous Prefecture",
  zh: "巴音郭楞蒙古自治州",
  pinyin: "Bayinguoleng Zhou",
};
const CHANGJI = { en: "Changji Hui Autonomous Prefecture", zh: "昌吉回族自治州", pinyin: "Changji Zhou" };

export const XINJIANG_PLACES: readonly Place[] = [
  xj(
    "xj-aksu",
    "652901",
    AKSU,
    { en: "Aksu", zh: "阿克苏市", pinyin: "Akesu Shi" },
    "843000",
    [41.17, 80.26],
  ),
  xj(
    "xj-shaya",
    "652924",
    AKSU,
    { en: "Shayar", zh: "沙雅县", pinyin: "Shaya Xian" },
    "842200",
    [41.22, 82.78],
  ),
  xj(
    "xj-kashgar",
    "653101",
    KASHGAR,
    { en: "Kashgar", zh: "喀什市", pinyin: "Kashi Shi" },
    "844000",
    [39.47, 75.99],
  ),
  xj(
    "xj-bachu",
    "653130",
    KASHGAR,
    { en: "Maralbexi", zh: "巴楚县", pinyin: "Bachu Xian" },
    "843800",
    [39.78, 78.55],
  ),
  xj(
    "xj-korla",
    "652801",
    BAYINGOLIN,
    { en: "Korla", zh: "库尔勒市", pinyin: "Kuerle Shi" },
    "841000",
    [41.76, 86.15],
  ),
  xj(
    "xj-hutubi",
    "652323",
    CHANGJI,
    { en: "Hutubi", zh: "呼图壁县", pinyin: "Hutubi Xian" },
    "831200",
    [44.19, 86.89],
  ),
  xj(
    "xj-shihezi",
    "659001",
    undefined,
    { en: "Shihezi", zh: "石河子市", pinyin: "Shihezi Shi" },
    "832000",
    [44.31, 86.08],
    {
      division: { en: "8th Division", zh: "第八师", pinyin: "Di Ba Shi" },
      regiment: { en: "Regiment 121", zh: "一二一团", pinyin: "Yi Er Yi Tuan" },
    },
  ),
  xj(
    "xj-aral",
    "659002",
    undefined,
    { en: "Aral", zh: "阿拉尔市", pinyin: "Alaer Shi" },
    "843300",
    [40.55, 81.28],
    {
      division: { en: "1st Division", zh: "第一师", pinyin: "Di Yi Shi" },
      regiment: { en: "Regiment 10", zh: "十团", pinyin: "Shi Tuan" },
    },
  ),
  xj(
    "xj-tumxuk",
    "659003",
    undefined,
    { en: "Tumxuk", zh: "图木舒克市", pinyin: "Tumushuke Shi" },
    "843806",
    [39.87, 79.07],
    {
      division: { en: "3rd Division", zh: "第三师", pinyin: "Di San Shi" },
      regiment: { en: "Regiment 44", zh: "四十四团", pinyin: "Sishisi Tuan" },
    },
  ),
];

function cn(
  key: string,
  adminCode: string,
  state: Spelling,
  city: Spelling,
  postalCode: string,
  latLon: readonly [number, number],
): Place {
  return {
    key,
    country: "CN",
    adminCode,
    state,
    city,
    postalCode,
    latitude: latLon[0],
    longitude: latLon[1],
    timeZoneOffset: "+08:00",
  };
}

const JIANGSU = { en: "Jiangsu", zh: "江苏省", pinyin: "Jiangsu Sheng" };
const SHANDONG = { en: "Shandong", zh: "山东省", pinyin: "Shandong Sheng" };
const HENAN = { en: "Henan", zh: "河南省", pinyin: "Henan Sheng" };

export const CHINA_PLACES: readonly Place[] = [
  cn(
    "cn-nantong",
    "320600",
    JIANGSU,
    { en: "Nantong", zh: "南通市", pinyin: "Nantong Shi" },
    "226000",
    [32.0, 120.86],
  ),
  cn(
    "cn-wuxi",
    "320200",
    JIANGSU,
    { en: "Wuxi", zh: "无锡市", pinyin: "Wuxi Shi" },
    "214000",
    [31.49, 120.31],
  ),
  cn(
    "cn-dezhou",
    "371400",
    SHANDONG,
    { en: "Dezhou", zh: "德州市", pinyin: "Dezhou Shi" },
    "253000",
    [37.43, 116.36],
  ),
  cn(
    "cn-xinxiang",
    "410700",
    HENAN,
    { en: "Xinxiang", zh: "新乡市", pinyin: "Xinxiang Shi" },
    "453000",
    [35.3, 113.93],
  ),
  cn(
    "cn-shangqiu",
    "411400",
    HENAN,
    { en: "Shangqiu", zh: "商丘市", pinyin: "Shangqiu Shi" },
    "476000",
    [34.41, 115.65],
  ),
];

export const QINGDAO = cn(
  "cn-qingdao",
  "370200",
  SHANDONG,
  { en: "Qingdao", zh: "青岛市", pinyin: "Qingdao Shi" },
  "266000",
  [36.07, 120.38],
);
export const XUANCHENG = cn(
  "cn-xuancheng",
  "341800",
  { en: "Anhui", zh: "安徽省", pinyin: "Anhui Sheng" },
  { en: "Xuancheng", zh: "宣城市", pinyin: "Xuancheng Shi" },
  "242000",
  [30.94, 118.76],
);
export const URUMQI = xj(
  "xj-urumqi",
  "650100",
  undefined,
  { en: "Urumqi", zh: "乌鲁木齐市", pinyin: "Wulumuqi Shi" },
  "830000",
  [43.83, 87.62],
);

function place(
  key: string,
  country: string,
  state: string,
  city: string,
  postalCode: string,
  latLon: readonly [number, number],
  timeZoneOffset: string,
  origin?: OriginRegion,
): Place {
  return {
    key,
    country,
    ...(origin ? { origin } : {}),
    state: { en: state },
    city: { en: city },
    postalCode,
    latitude: latLon[0],
    longitude: latLon[1],
    timeZoneOffset,
  };
}

export const ORIGIN_PLACES: Readonly<Record<Exclude<OriginRegion, "CN-XJ">, readonly Place[]>> = {
  US: [
    place("us-lubbock", "US", "TX", "Lubbock", "79401", [33.58, -101.85], "-06:00", "US"),
    place("us-lamesa", "US", "TX", "Lamesa", "79331", [32.74, -101.95], "-06:00", "US"),
    place("us-plainview", "US", "TX", "Plainview", "79072", [34.18, -101.71], "-06:00", "US"),
  ],
  BR: [
    place("br-sorriso", "BR", "MT", "Sorriso", "78890-000", [-12.55, -55.71], "-04:00", "BR"),
    place("br-sapezal", "BR", "MT", "Sapezal", "78365-000", [-12.99, -58.76], "-04:00", "BR"),
    place("br-campo-verde", "BR", "MT", "Campo Verde", "78840-000", [-15.55, -55.16], "-04:00", "BR"),
  ],
  AU: [
    place("au-narrabri", "AU", "NSW", "Narrabri", "2390", [-30.33, 149.78], "+10:00", "AU"),
    place("au-moree", "AU", "NSW", "Moree", "2400", [-29.46, 149.84], "+10:00", "AU"),
    place("au-goondiwindi", "AU", "QLD", "Goondiwindi", "4390", [-28.55, 150.31], "+10:00", "AU"),
    place("au-emerald", "AU", "QLD", "Emerald", "4720", [-23.53, 148.16], "+10:00", "AU"),
  ],
  IN: [
    place("in-rajkot", "IN", "Gujarat", "Rajkot", "360001", [22.3, 70.8], "+05:30", "IN"),
    place("in-amreli", "IN", "Gujarat", "Amreli", "365601", [21.6, 71.22], "+05:30", "IN"),
    place("in-surendranagar", "IN", "Gujarat", "Surendranagar", "363001", [22.73, 71.64], "+05:30", "IN"),
  ],
};

/** Cotton-trading hubs per origin: where the merchants that buy from the gins sit. */
export const TRADER_PLACES: Readonly<Record<OriginRegion, Place>> = {
  "CN-XJ": URUMQI,
  US: place("us-memphis", "US", "TN", "Memphis", "38103", [35.15, -90.05], "-06:00"),
  BR: place("br-cuiaba", "BR", "MT", "Cuiabá", "78005-000", [-15.6, -56.1], "-04:00"),
  AU: place("au-brisbane", "AU", "QLD", "Brisbane", "4000", [-27.47, 153.03], "+10:00"),
  IN: place("in-ahmedabad", "IN", "Gujarat", "Ahmedabad", "380001", [23.02, 72.57], "+05:30"),
};

export const SPINNER_PLACES: Readonly<Record<"VN" | "PK" | "IN", readonly Place[]>> = {
  VN: [
    place("vn-nam-dinh", "VN", "Nam Định", "Nam Định", "420000", [20.42, 106.17], "+07:00"),
    place("vn-binh-duong", "VN", "Bình Dương", "Thủ Dầu Một", "820000", [10.98, 106.65], "+07:00"),
  ],
  PK: [
    place("pk-faisalabad", "PK", "Punjab", "Faisalabad", "38000", [31.42, 73.08], "+05:00"),
    place("pk-multan", "PK", "Punjab", "Multan", "60000", [30.2, 71.47], "+05:00"),
  ],
  IN: [place("in-coimbatore", "IN", "Tamil Nadu", "Coimbatore", "641001", [11.02, 76.96], "+05:30")],
};

export const MAKER_PLACES: Readonly<Record<"BD" | "VN" | "KH", readonly Place[]>> = {
  BD: [
    place("bd-gazipur", "BD", "Dhaka Division", "Gazipur", "1700", [24.0, 90.42], "+06:00"),
    place("bd-narayanganj", "BD", "Dhaka Division", "Narayanganj", "1400", [23.62, 90.5], "+06:00"),
    place("bd-chattogram", "BD", "Chattogram Division", "Chattogram", "4000", [22.35, 91.78], "+06:00"),
  ],
  VN: [
    place("vn-dong-nai", "VN", "Đồng Nai", "Biên Hòa", "810000", [10.95, 106.82], "+07:00"),
    place("vn-hai-phong", "VN", "Hải Phòng", "Hải Phòng", "180000", [20.86, 106.68], "+07:00"),
  ],
  KH: [
    place("kh-phnom-penh", "KH", "Phnom Penh", "Phnom Penh", "120000", [11.56, 104.92], "+07:00"),
    place("kh-kandal", "KH", "Kandal", "Ta Khmau", "080000", [11.48, 104.95], "+07:00"),
  ],
};

export const IMPORTER_PLACES: readonly Place[] = [
  place("us-los-angeles", "US", "CA", "Los Angeles", "90021", [34.03, -118.24], "-08:00"),
  place("us-secaucus", "US", "NJ", "Secaucus", "07094", [40.79, -74.06], "-05:00"),
  place("us-new-york", "US", "NY", "New York", "10018", [40.75, -73.99], "-05:00"),
  place("us-savannah", "US", "GA", "Savannah", "31401", [32.08, -81.09], "-05:00"),
];
