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
