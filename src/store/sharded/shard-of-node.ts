/**
 * PostgreSQL's hash partitioning of a `bigint` key, in TypeScript, so a bulk load can COPY each
 * shard its own rows directly and they are exactly the rows the coordinator's
 * `partition by hash (node)` routes there (`hashint8extended` with the partition seed, combined by
 * `hash_combine64`, modulo the number of shards). A test checks it against the server's own
 * `satisfies_hash_partition`.
 */
const PARTITION_SEED = 0x7a5b22367996dcfdn;
const COMBINE = 0x49a0f4dd15e5a8e3n;
const U64 = (1n << 64n) - 1n;

const rot = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** lookup3's `final` on three 32-bit words: Jenkins' hash as PostgreSQL's `hashfn.c` has it. */
function finalMix(a0: number, b0: number, c0: number): [number, number] {
  let a = a0;
  let b = b0;
  let c = c0;
  c = ((c ^ b) - rot(b, 14)) >>> 0;
  a = ((a ^ c) - rot(c, 11)) >>> 0;
  b = ((b ^ a) - rot(a, 25)) >>> 0;
  c = ((c ^ b) - rot(b, 16)) >>> 0;
  a = ((a ^ c) - rot(c, 4)) >>> 0;
  b = ((b ^ a) - rot(a, 14)) >>> 0;
  c = ((c ^ b) - rot(b, 24)) >>> 0;
  return [b, c];
}

/** lookup3's `mix`. */
function mix(a0: number, b0: number, c0: number): [number, number, number] {
  let a = a0;
  let b = b0;
  let c = c0;
  a = ((a - c) >>> 0) ^ rot(c, 4);
  c = (c + b) >>> 0;
  b = ((b - a) >>> 0) ^ rot(a, 6);
  a = (a + c) >>> 0;
  c = ((c - b) >>> 0) ^ rot(b, 8);
  b = (b + a) >>> 0;
  a = ((a - c) >>> 0) ^ rot(c, 16);
  c = (c + b) >>> 0;
  b = ((b - a) >>> 0) ^ rot(a, 19);
  a = (a + c) >>> 0;
  c = ((c - b) >>> 0) ^ rot(b, 4);
  b = (b + a) >>> 0;
  return [a >>> 0, b >>> 0, c >>> 0];
}

/** `hash_uint32_extended(k, seed)`. */
function hashUint32Extended(k: number, seed: bigint): bigint {
  const init = (0x9e3779b9 + 4 + 3923095) >>> 0;
  let [a, b, c] = [init, init, init];
  if (seed !== 0n) {
    a = (a + Number(seed >> 32n)) >>> 0;
    b = (b + Number(seed & 0xffffffffn)) >>> 0;
    [a, b, c] = mix(a, b, c);
  }
  a = (a + k) >>> 0;
  const [hb, hc] = finalMix(a, b, c);
  return (BigInt(hb) << 32n) | BigInt(hc);
}

/** `hashint8extended`: the two halves folded into one word, the sign deciding how. */
function hashInt8Extended(value: bigint, seed: bigint): bigint {
  const v = BigInt.asUintN(64, value);
  const hi = Number(v >> 32n);
  let lo = Number(v & 0xffffffffn);
  lo = (lo ^ (value >= 0n ? hi : ~hi)) >>> 0;
  return hashUint32Extended(lo, seed);
}

/** The remainder (0 … shards − 1) of the hash partition that holds `node`. */
export function shardOfNode(node: number | bigint, shards: number): number {
  const hash = hashInt8Extended(BigInt(node), PARTITION_SEED);
  const row = (hash + COMBINE) & U64;
  return Number(row % BigInt(shards));
}
