import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** A random id with a readable prefix, e.g. usr_5k2m…; 80 bits of randomness. */
export function newId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % 32];
  return `${prefix}_${id}`;
}

/** A URL-safe random secret of the given number of bytes. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** count ids like newId's, from one draw of randomness (a bulk import names 100,000 products at once). */
export function newIds(prefix: string, count: number, length = 16): string[] {
  const bytes = randomBytes(length * count);
  const ids: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let id = `${prefix}_`;
    for (let j = i * length; j < (i + 1) * length; j++) id += ALPHABET[(bytes[j] as number) % 32];
    ids[i] = id;
  }
  return ids;
}

let lastTime = 0;
let sequence = 0;

/**
 * count ids like newId's that sort in the order they were made: 9 characters of milliseconds since 1970, then 7 that
 * count on from a random start (35 bits). Rows keyed by them land at the end of their indexes, not all over them: a bulk
 * import of 100,000 products then writes its index pages once each instead of splitting pages everywhere.
 */
export function newOrderedIds(prefix: string, count: number): string[] {
  let now = Date.now();
  if (now <= lastTime) now = lastTime;
  if (now !== lastTime || sequence + count >= 2 ** 35) {
    if (now === lastTime) now++;
    lastTime = now;
    sequence = randomBytes(4).readUInt32BE(0);
  }
  const time = base32(now, 9);
  const ids: string[] = new Array(count);
  for (let i = 0; i < count; i++) ids[i] = `${prefix}_${time}${base32(sequence++, 7)}`;
  return ids;
}

/** n in base 32 (ALPHABET), left-padded to width characters. */
function base32(n: number, width: number): string {
  let text = "";
  for (let i = 0; i < width; i++) {
    text = ALPHABET[n % 32] + text;
    n = Math.floor(n / 32);
  }
  return text;
}
