import { pinyin } from "pinyin-pro";
import { lazy } from "./lazy.ts";

/**
 * Hand-kept vocabulary for company names: abbreviations, a bilingual industry dictionary (Chinese,
 * pinyin, English) and a small glossary of descriptive words that Chinese firms translate rather
 * than transliterate (东方希望 → East Hope). Keys are the canonical English form.
 */

/** Abbreviations seen in customs and registry data, expanded before anything else. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  comm: "commerce",
  coml: "commercial",
  grp: "group",
  gp: "group",
  tech: "technology",
  techn: "technology",
  technol: "technology",
  srvces: "services",
  svcs: "services",
  svc: "service",
  serv: "services",
  intl: "international",
  intnl: "international",
  int: "international",
  internatl: "international",
  mfg: "manufacturing",
  mfr: "manufacturer",
  manuf: "manufacturing",
  tex: "textile",
  txt: "textile",
  ind: "industrial",
  indus: "industrial",
  inds: "industries",
  indl: "industrial",
  corp: "corporation",
  co: "company",
  cos: "companies",
  ltd: "limited",
  lmtd: "limited",
  ltda: "limitada",
  inc: "incorporated",
  hldgs: "holdings",
  hldg: "holding",
  hold: "holding",
  dev: "development",
  devt: "development",
  eng: "engineering",
  engg: "engineering",
  elec: "electronic",
  elect: "electric",
  equip: "equipment",
  matl: "material",
  mat: "materials",
  mtls: "materials",
  sci: "science",
  imp: "import",
  exp: "export",
  impexp: "import export",
  trdg: "trading",
  trad: "trading",
  mgmt: "management",
  mgt: "management",
  natl: "national",
  assn: "association",
  bros: "brothers",
  dept: "department",
  agri: "agriculture",
  agr: "agricultural",
  chem: "chemical",
  pharm: "pharmaceutical",
  prod: "products",
  prods: "products",
  svcs_: "services",
  apparels: "apparel",
  garments: "garment",
  textiles: "textile",
  fabrics: "fabric",
  "1st": "first",
  "2nd": "second",
  "3rd": "third",
};

export interface LexiconTerm {
  readonly key: string;
  readonly han: readonly string[];
  readonly latin: readonly string[];
}

/** Industry words: [key, Chinese forms, pinyin and English forms]. */
const INDUSTRY_ROWS: readonly (readonly [string, string, string])[] = [
  ["textile", "纺织 纺织品 纺纱 织造", "fangzhi textile textiles fangzhipin spinning"],
  ["wool textile", "毛纺织 毛纺", "maofangzhi maofang wool woollen"],
  ["cotton", "棉业 棉花 棉纺 棉", "mianye mianhua mianfang cotton"],
  ["cotton and linen", "棉麻", "mianma linen"],
  ["apparel", "服饰 服装 制衣 成衣", "fushi fuzhuang zhiyi apparel garment garments clothing"],
  ["color spinning", "色纺", "sefang melange"],
  ["knitting", "针织", "zhenzhi knitting knitwear"],
  ["dyeing", "印染 染整", "yinran ranzheng dyeing"],
  ["silicon", "硅业 硅 多晶硅", "guiye silicon polysilicon"],
  ["industrial", "实业 工业 产业", "shiye gongye chanye industrial industry industries"],
  ["technology", "科技 技术", "keji jishu technology technologies"],
  ["information technology", "信息技术 信息", "xinxi information"],
  ["trading", "贸易 商贸 经贸 国际贸易 外贸", "maoyi shangmao jingmao trading trade"],
  ["commerce", "商业 商务", "shangye shangwu commerce commercial business"],
  ["chemical", "化工 化学", "huagong huaxue chemical chemicals"],
  ["energy", "能源 电力 煤电", "nengyuan dianli energy power electricity"],
  ["new energy", "新能源", "xinnengyuan"],
  ["coal", "煤业 煤炭", "meiye meitan coal"],
  ["agriculture", "农业 农产品", "nongye agriculture agricultural"],
  ["mining", "矿业 矿产", "kuangye mining mine minerals"],
  ["metals", "金属 有色金属 有色", "jinshu youse metal metals nonferrous"],
  ["steel", "钢铁 钢", "gangtie steel iron"],
  ["copper", "铜业", "tongye copper"],
  ["zinc", "锌业", "xinye zinc"],
  ["magnesium", "镁业 镁制品", "meiye_ magnesium"],
  ["aluminium", "铝业", "lvye aluminium aluminum"],
  ["materials", "材料 新材料", "cailiao xincailiao materials material new_materials"],
  ["logistics", "物流 仓储 仓库", "wuliu cangchu logistics warehousing warehouse storage"],
  ["food", "食品 食品配料", "shipin food foods"],
  ["biotechnology", "生物科技 生物技术 生物", "shengwu biotechnology biotech biological"],
  ["electronics", "电子 电器 微电子", "dianzi dianqi electronics electronic microelectronics"],
  ["construction engineering", "建工", "jiangong"],
  ["construction", "建设 建筑", "jianshe jianzhu construction"],
  ["engineering", "工程", "gongcheng engineering"],
  ["manufacturing", "制造 制品", "zhizao zhipin manufacturing products"],
  ["fashion", "时尚", "shishang fashion"],
  ["shoes", "鞋业 鞋", "xieye shoes shoe footwear"],
  ["hair products", "发饰 发制品", "fashi accessories hair"],
  ["solar", "太阳能 光伏", "taiyangneng guangfu solar photovoltaic"],
  ["investment", "投资 控股", "touzi konggu investment holding holdings"],
  ["development", "发展 开发", "fazhan kaifa development"],
  ["real estate", "房地产 置业 地产", "fangdichan zhiye realestate estate"],
  ["sugar", "糖业", "tangye sugar"],
  ["printing", "印刷 打印", "yinshua printing"],
  ["semiconductor", "半导体", "bandaoti semiconductor"],
  ["management", "管理", "guanli management"],
  ["digital", "数码 数字", "shuma digital"],
  ["economic", "经济", "jingji economic"],
  ["import export", "进出口", "jinchukou"],
];

/**
 * Descriptive words that Chinese firms translate in their English names. Kept short: a word
 * belongs here only if it is common in company names and has one usual English rendering.
 */
const GLOSSARY_ROWS: readonly (readonly [string, string, string])[] = [
  ["east", "东方", "dongfang oriental"],
  ["hope", "希望", "xiwang"],
  ["century", "世纪", "shiji"],
  ["sunshine", "阳光", "yangguang"],
  ["oasis", "绿洲", "lvzhou luzhou"],
  ["green energy", "绿能", "lvneng"],
  ["green", "绿色", "lvse"],
  ["great wall", "长城", "changcheng"],
  ["golden", "黄金", "huangjin gold"],
  ["western", "西部", "xibu west"],
  ["new", "新", "xin"],
  ["international", "国际", "guoji"],
  ["rare earth", "稀土", "xitu"],
  ["foundation", "基业", "jiye"],
  ["junggar", "准噶尔", "zhungeer zhungaer dzungaria dzungar jungar"],
  ["corps", "兵团", "bingtuan"],
  ["production and construction", "生产建设", "shengchan jianshe"],
];

/**
 * Brand and trade names that Chinese firms write in Latin letters other than the pinyin of their
 * 字号 (大全 → Daqo, 中粮 → COFCO): [Latin brand, Chinese trade names, other Latin forms]. Only
 * names the firms use themselves (stock-exchange listings, their own English names), only where
 * the Latin is not a reading of the Chinese, so pinyin would never find it, and none whose Chinese
 * is also a common word (中信, 中化, 中远: 中心, 中华, 中原 read alike). Sources:
 * docs/brand-names.md.
 */
const BRAND_ROWS: readonly (readonly [string, string, string])[] = [
  ["daqo", "大全", "daquan"],
  ["gcl", "协鑫", "xiexin golden_concord"],
  ["cofco", "中粮", "zhongliang"],
  ["chinatex", "中纺", "zhongfang"],
  ["ninestar", "纳思达", "nasida"],
  ["ja", "晶澳", "jingao ja_solar"],
  ["esquel", "溢达", ""],
  ["sinopec", "中石化", "zhongshihua"],
  ["petrochina", "中石油", "zhongshiyou"],
  ["lenovo", "联想", "lianxiang"],
  ["longi", "隆基", "longji"],
  ["trina", "天合", "trinasolar"],
  ["jinko", "晶科", "jingke jinkosolar"],
  ["smic", "中芯", ""],
  ["baosteel", "宝钢", "baogang"],
  ["ansteel", "鞍钢", "angang"],
  ["chalco", "中铝", "zhonglv"],
  ["sinograin", "中储粮", "zhongchuliang"],
  ["sinotrans", "中外运", "zhongwaiyun"],
  ["luthai", "鲁泰", "lutai"],
  ["gree", "格力", ""],
  ["midea", "美的", ""],
];

function terms(
  rows: readonly (readonly [string, string, string])[],
  withPinyin = true,
): readonly LexiconTerm[] {
  return rows.map(([key, han, latin]) => ({
    key,
    han: han.split(" "),
    // "_" joins a multi-word form; a trailing "_" marks a form kept out (a homograph).
    latin: [
      ...new Set([
        key,
        ...latin
          .split(" ")
          .filter((w) => w !== "" && !w.endsWith("_"))
          .map((w) => w.replace(/_/g, " ")),
        ...(withPinyin ? pinyinForms(han) : []),
      ]),
    ],
  }));
}

/**
 * The pinyin of every Chinese form of two characters or more (煤电 → meidian), so a registry
 * romanisation meets the same word; one-character forms (棉 mian) would read syllables of trade
 * names as industries.
 */
function pinyinForms(han: string): string[] {
  return han
    .split(" ")
    .filter((h) => h.length > 1)
    .map((h) => pinyin(h, { toneType: "none", type: "array" }).join("").replace(/ü/g, "v"));
}

export const industryTerms: () => readonly LexiconTerm[] = lazy(() => terms(INDUSTRY_ROWS));
export const glossaryTerms: () => readonly LexiconTerm[] = lazy(() => terms(GLOSSARY_ROWS));
// A brand's pinyin is written out only where it is not also a common word (天合 tianhe, 美的 meide).
export const brandTerms: () => readonly LexiconTerm[] = lazy(() => terms(BRAND_ROWS, false));

/**
 * Words that say what kind of organisation a name is rather than which one: they carry little
 * weight when aligning names, so "Bank of America" vs "Bank of Armenia" turns on the rare token.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    "bank banking trust fund funds capital partners partner holding holdings group international global " +
    "national general services service solutions systems system enterprise enterprises company corporation " +
    "association institute organization organisation foundation center centre union federation society " +
    "council authority agency office ministry department government committee limited finance financial " +
    "securities insurance investments industries products resources ventures network networks media " +
    "branch reserve library park plant factory works mill general first second third"
  ).split(" "),
);

/** Function words dropped everywhere. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "the",
  "and",
  "of",
  "for",
  "und",
  "et",
  "y",
  "a",
  "an",
]);

/** Particles in personal names: kept but light, so al-X vs al-Y turns on X and Y. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "al el ul bin ben ibn bint abu abd abdel abdul de del della der den di da dos das du van von la le mac mc ter".split(
    " ",
  ),
);

/** Number words, so "Forty-Four", "44" and "Forty 4" meet. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};
