/**
 * A seeded generator of Chinese company records as FollowTheMoney JSON lines, for the screening
 * benchmark's large list: names built like real registrations (region + trade name + industry +
 * legal form), written in Chinese, in registry pinyin or in English, with an alias in another
 * script on some entities.
 */
import { createPrng } from "../src/generate/index.ts";

/** Characters common in trade names (字号), with their pinyin. */
const TRADE_CHARS: readonly (readonly [string, string])[] = [
  ["华", "hua"],
  ["鑫", "xin"],
  ["盛", "sheng"],
  ["泰", "tai"],
  ["宏", "hong"],
  ["远", "yuan"],
  ["恒", "heng"],
  ["达", "da"],
  ["源", "yuan"],
  ["隆", "long"],
  ["丰", "feng"],
  ["瑞", "rui"],
  ["祥", "xiang"],
  ["利", "li"],
  ["永", "yong"],
  ["兴", "xing"],
  ["金", "jin"],
  ["银", "yin"],
  ["宝", "bao"],
  ["辉", "hui"],
  ["嘉", "jia"],
  ["凯", "kai"],
  ["博", "bo"],
  ["安", "an"],
  ["康", "kang"],
  ["润", "run"],
  ["德", "de"],
  ["正", "zheng"],
  ["明", "ming"],
  ["光", "guang"],
  ["天", "tian"],
  ["海", "hai"],
  ["峰", "feng"],
  ["龙", "long"],
  ["凤", "feng"],
  ["豪", "hao"],
  ["联", "lian"],
  ["合", "he"],
  ["信", "xin"],
  ["诚", "cheng"],
  ["和", "he"],
  ["美", "mei"],
  ["雅", "ya"],
  ["锦", "jin"],
  ["绣", "xiu"],
  ["晨", "chen"],
  ["阳", "yang"],
  ["东", "dong"],
  ["亚", "ya"],
  ["欧", "ou"],
  ["万", "wan"],
  ["中", "zhong"],
  ["富", "fu"],
  ["立", "li"],
  ["佳", "jia"],
  ["旺", "wang"],
  ["通", "tong"],
  ["昌", "chang"],
  ["荣", "rong"],
  ["益", "yi"],
  ["新", "xin"],
  ["同", "tong"],
  ["振", "zhen"],
  ["卓", "zhuo"],
  ["越", "yue"],
  ["腾", "teng"],
];

/** Region prefixes: [Chinese, pinyin, English as lists write it]. */
const REGIONS: readonly (readonly [string, string, string])[] = [
  ["江苏", "Jiang Su", "Jiangsu"],
  ["浙江", "Zhe Jiang", "Zhejiang"],
  ["山东", "Shan Dong", "Shandong"],
  ["广东", "Guang Dong", "Guangdong"],
  ["河北", "He Bei", "Hebei"],
  ["河南", "He Nan", "Henan"],
  ["上海", "Shang Hai", "Shanghai"],
  ["宁波", "Ning Bo", "Ningbo"],
  ["苏州", "Su Zhou", "Suzhou"],
  ["无锡", "Wu Xi", "Wuxi"],
  ["青岛", "Qing Dao", "Qingdao"],
  ["郑州", "Zheng Zhou", "Zhengzhou"],
  ["武汉", "Wu Han", "Wuhan"],
  ["新疆", "Xin Jiang", "Xinjiang"],
  ["阿克苏", "A Ke Su", "Aksu"],
  ["喀什", "Ka Shi", "Kashgar"],
  ["昌吉", "Chang Ji", "Changji"],
  ["石河子", "Shi He Zi", "Shihezi"],
  ["库尔勒", "Ku Er Le", "Korla"],
  ["绍兴", "Shao Xing", "Shaoxing"],
  ["南通", "Nan Tong", "Nantong"],
  ["佛山", "Fo Shan", "Foshan"],
  ["厦门", "Xia Men", "Xiamen"],
  ["天津", "Tian Jin", "Tianjin"],
];

/** Industries: [Chinese, pinyin, English]. */
const INDUSTRIES: readonly (readonly [string, string, string])[] = [
  ["纺织", "Fang Zhi", "Textile"],
  ["棉业", "Mian Ye", "Cotton"],
  ["服饰", "Fu Shi", "Apparel"],
  ["针织", "Zhen Zhi", "Knitting"],
  ["印染", "Yin Ran", "Dyeing"],
  ["科技", "Ke Ji", "Technology"],
  ["贸易", "Mao Yi", "Trading"],
  ["化工", "Hua Gong", "Chemical"],
  ["新能源", "Xin Neng Yuan", "New Energy"],
  ["实业", "Shi Ye", "Industrial"],
  ["物流", "Wu Liu", "Logistics"],
  ["食品", "Shi Pin", "Food"],
  ["进出口", "Jin Chu Kou", "Import and Export"],
  ["硅业", "Gui Ye", "Silicon"],
];

/** Legal forms: [Chinese, pinyin, English]. */
const LEGAL_FORMS: readonly (readonly [string, string, string])[] = [
  ["有限公司", "You Xian Gong Si", "Co., Ltd."],
  ["股份有限公司", "Gu Fen You Xian Gong Si", "Co., Ltd."],
  ["集团有限公司", "Ji Tuan You Xian Gong Si", "Group Co., Ltd."],
  ["有限责任公司", "You Xian Ze Ren Gong Si", "Limited Liability Company"],
];

/** The generator's seeded PRNG (mulberry32), as a bare function. */
export function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}

export interface GeneratedCompany {
  readonly han: string;
  readonly pinyin: string;
  readonly english: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One company in its three spellings. */
export function generateCompany(random: () => number): GeneratedCompany {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const [regionHan, regionPinyin, regionEnglish] = pick(REGIONS);
  const chars = Array.from({ length: random() < 0.8 ? 2 : 3 }, () => pick(TRADE_CHARS));
  const [industryHan, industryPinyin, industryEnglish] = pick(INDUSTRIES);
  const [formHan, formPinyin, formEnglish] = pick(LEGAL_FORMS);
  const tradeHan = chars.map(([han]) => han).join("");
  const trade = chars.map(([, py]) => py);
  return {
    han: `${regionHan}${tradeHan}${industryHan}${formHan}`,
    pinyin: `${regionPinyin} ${trade.map(capital).join(" ")} ${industryPinyin} ${formPinyin}`,
    english: `${regionEnglish} ${capital(trade.join(""))} ${industryEnglish} ${formEnglish}`,
  };
}

/** One FtM Company entity: a primary name in one script, sometimes an alias in another. */
export function ftmCompanyLine(i: number, random: () => number): string {
  const company = generateCompany(random);
  const spellings = [company.english, company.han, company.pinyin];
  const first = Math.floor(random() * 3);
  const name = [spellings[first] as string];
  const alias = random() < 0.4 ? [spellings[(first + 1) % 3] as string] : [];
  return JSON.stringify({
    id: `gen-${i}`,
    schema: "Company",
    properties: { name, alias, country: ["cn"] },
  });
}

/** The company's name in its `i`-th spelling: English, Chinese and registry pinyin in turn. */
export function spellingOf(c: GeneratedCompany, i: number): string {
  return [c.english, c.han, c.pinyin][i % 3] as string;
}

/** `n` generated company names from `seed`, the spellings in turn: queries new to the matcher. */
export function generatedNames(n: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => spellingOf(generateCompany(random), i));
}
