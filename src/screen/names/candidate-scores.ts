/** One posting list of a query key and what sharing the key is worth. */
export interface WeightedList {
  readonly list: Int32Array;
  readonly weight: number;
}

/**
 * A posting list longer than this (a region, an industry word or a common trigram on a large
 * list) is not walked: it only adds its weight to names a more selective key already found.
 * Walking every such list made one query against a million names take a second.
 */
const WALKED = 2_000;
/** How many names found by selective keys the common keys are added to. */
const SHORTLIST = 256;

function contains(list: Int32Array, id: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = list[mid] as number;
    if (value === id) return true;
    if (value < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * A reusable accumulator for candidate retrieval over one index: a score per name and the names
 * touched, reset after each query, so a query costs what its posting lists cost and allocates
 * nothing per name.
 */
export class CandidateScores {
  private readonly scores: Float64Array;
  private touched: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
  }

  private walk({ list, weight }: WeightedList): void {
    for (const id of list) {
      if (this.scores[id] === 0) this.touched.push(id);
      this.scores[id] = (this.scores[id] as number) + weight;
    }
  }

  /** Many names: only those scoring at least the k-th best score (one typed sort) go on to the insertion. */
  private aboveCut(k: number, among: readonly number[]): readonly number[] {
    if (among.length <= 8 * k) return among;
    const values = Float64Array.from(among, (id) => this.scores[id] as number).sort();
    const cut = values[values.length - k] as number;
    return among.filter((id) => (this.scores[id] as number) >= cut);
  }

  /** Top `k` of the touched names, kept sorted while scanning (k is small, the touched list is not). */
  private best(k: number, among: readonly number[] = this.touched): number[] {
    const top: number[] = [];
    for (const id of this.aboveCut(k, among)) {
      const score = this.scores[id] as number;
      if (top.length >= k && score <= (this.scores[top[top.length - 1] as number] as number)) continue;
      let at = top.length;
      while (at > 0 && (this.scores[top[at - 1] as number] as number) < score) at--;
      top.splice(at, 0, id);
      if (top.length > k) top.pop();
    }
    return top;
  }

  /** The best `k` names by summed weight, best first; ties keep the order names were first found. */
  rank(lists: readonly WeightedList[], k: number): number[] {
    const long = lists.filter((l) => l.list.length > WALKED).sort((a, b) => a.list.length - b.list.length);
    for (const l of lists) if (l.list.length <= WALKED) this.walk(l);
    // Only common keys: the most selective of them is walked all the same.
    const first = this.touched.length === 0 ? long.shift() : undefined;
    if (first) this.walk(first);
    // Common keys only reorder the names the selective ones found; the best few hundred suffice.
    const shortlist =
      long.length > 0 && this.touched.length > SHORTLIST ? this.best(SHORTLIST) : this.touched;
    for (const { list, weight } of long)
      for (const id of shortlist)
        if (contains(list, id)) this.scores[id] = (this.scores[id] as number) + weight;
    const ranked = this.best(k, shortlist);
    for (const id of this.touched) this.scores[id] = 0;
    this.touched = [];
    return ranked;
  }
}
