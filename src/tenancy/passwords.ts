import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { AppError } from "../core/errors.ts";

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n = N, r = R, p = P): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hash a password with scrypt; the result carries its parameters and salt: scrypt$N$r$p$salt$hash. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordStrength(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** True when the password matches the stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Refuse passwords too short to resist guessing. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 10) throw new AppError("VALIDATION_FAILED", "The password must have at least 10 characters.");
  if (password.length > 256) throw new AppError("VALIDATION_FAILED", "The password must have at most 256 characters.");
}

/** A random password for first-start admins and new users: 20 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

// A real hash of a random password: sign-in for an unknown email verifies against it, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the user does not exist. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}
