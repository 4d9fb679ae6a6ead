/**
 * Names that carry the Xinjiang Production and Construction Corps' markers: the Corps itself
 * (新疆生产建设兵团, 兵团), its divisions (农X师, 第X师, "Nth Division") and regiment farms (团场,
 * "Regiment"). The XPCC and all its subordinate and affiliated entities are under a WRO (2020) and
 * on the UFLPA Entity List, so such a name is a derived hit even when no list names it.
 */
const MARKERS: readonly (readonly [RegExp, string])[] = [
  [/新疆生产建设兵团/u, "新疆生产建设兵团 (the XPCC itself)"],
  [/兵团/u, "兵团 (the Corps)"],
  [/(农|第)[一二三四五六七八九十\d]{1,3}师/u, "a numbered XPCC division (农X师 / 第X师)"],
  [/团场/u, "团场 (a regiment farm)"],
  [/\bXPCC\b/i, "XPCC"],
  [/\bXinjiang Production (and|&) Construction Corps\b/i, "Xinjiang Production and Construction Corps"],
  [/\b(\d{1,3}(st|nd|rd|th)|No\.? ?\d{1,3}) Regiment\b/i, "a numbered regiment"],
  [/\bBingtuan\b/i, "Bingtuan (兵团)"],
];

/** The XPCC markers a name carries, as phrases for an explanation; empty when none. */
export function findXpccMarkers(name: string): string[] {
  // 第一师范 is a teachers' college (师范), not the First Division: drop 师范 before matching.
  const text = name.normalize("NFKC").replace(/师范/gu, "");
  return MARKERS.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}
