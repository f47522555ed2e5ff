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
