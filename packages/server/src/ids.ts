import { randomFillSync } from "node:crypto";
import { ulid as encodeUlid } from "ulid";

// ulid() on its own looks up a PRNG and makes one getRandomValues call per character: 16 calls
// into the crypto module for every id, and a request makes several ids. Here the same
// generator draws its characters from a pooled buffer of crypto randomness refilled 4 KiB at a
// time: the same distribution (one random byte per character, as the library's own PRNG), one
// call per 256 ids.
const pool = new Uint8Array(4096);
let offset = pool.length;

/** A random number in [0, 1) from one pooled random byte (what ulid's own PRNG returns). */
function pooledRandom(): number {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return (pool[offset++] ?? 0) / 256;
}

/** A new ULID: 48 bits of time in ms, 80 bits of crypto randomness. */
export function ulid(): string {
  return encodeUlid(undefined, pooledRandom);
}
