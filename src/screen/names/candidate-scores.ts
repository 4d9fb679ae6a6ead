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
 * The k-th largest of values[0…n) (1-based k ≤ n), by quickselect in place: O(n), where sorting
 * tens of thousands of touched names per query was most of a query's time on a large list.
 */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let low = 0;
  let high = n - 1;
  const target = n - k;
  while (low < high) {
    const pivot = values[(low + high) >> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] as number;
}

/**
 * A reusable accumulator for candidate retrieval over one index: a score per name and the names
 * touched, reset after each query, so a query costs what its posting lists cost and allocates
 * nothing per name.
 */
export class CandidateScores {
  private readonly scores: Float64Array;
  private touched: number[] = [];
  /** Scratch for the cut: the scores of the names being ranked. */
  private values = new Float64Array(1024);

  constructor(size: number) {
    this.scores = new Float64Array(size);
  }

  private walk({ list, weight }: WeightedList): void {
    const scores = this.scores;
    const touched = this.touched;
    for (let at = 0; at < list.length; at++) {
      const id = list[at] as number;
      const score = scores[id] as number;
      if (score === 0) touched.push(id);
      scores[id] = score + weight;
    }
  }

  /**
   * The best `k` of `among` by score, best first, ties in the order of `among`: the k-th best
   * score by quickselect, then the few names above it sorted (a stable sort keeps the ties in
   * order) and the names at it appended in order. Linear in `among`, where keeping a sorted top
   * list while scanning cost k steps a name.
   */
  private best(k: number, among: readonly number[] = this.touched): number[] {
    const n = among.length;
    const scores = this.scores;
    let cut = Number.NEGATIVE_INFINITY;
    if (n > k) {
      if (this.values.length < n) this.values = new Float64Array(n * 2);
      const values = this.values;
      for (let at = 0; at < n; at++) values[at] = scores[among[at] as number] as number;
      cut = kthLargest(values, n, k);
    }
    const top: number[] = [];
    const ties: number[] = [];
    for (let at = 0; at < n; at++) {
      const id = among[at] as number;
      const score = scores[id] as number;
      if (score > cut) top.push(id);
      else if (score === cut && ties.length < k) ties.push(id);
    }
    top.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    for (const id of ties) {
      if (top.length >= k) break;
      top.push(id);
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
