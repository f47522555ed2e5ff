// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes each ledger record is hashed as.

/** A JSON value as JCS accepts it (I-JSON: finite numbers, well-formed strings). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why a value cannot be canonicalised, with the JSON path that failed. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = "CanonicalJsonError";
  }
}

/** The RFC 8785 canonical JSON text of a value: sorted keys (UTF-16 code units), ES number form, minimal escapes. */
export function canonicalJson(value: unknown): string {
  try {
    return serialize(value, 0);
  } catch (error) {
    if (error instanceof Refusal) throw new CanonicalJsonError(`$${error.segments.reverse().join("")}`, error.message);
    throw error;
  }
}

/** The canonical JSON as UTF-8 bytes, ready to hash. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), "utf8");
}

// Deeper than this is a cycle or an attack, not evidence; a depth count is much cheaper than tracking ancestors.
const MAX_DEPTH = 200;

/** A refusal deep inside a value; each level adds its step to the path on the way out (paths cost nothing until then). */
class Refusal extends Error {
  readonly segments: string[] = [];
}

function serialize(value: unknown, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return serializeNumber(value);
    case "string":
      return serializeString(value);
    case "object":
      return serializeObject(value, depth);
    default:
      throw new Refusal(`${typeof value} is not a JSON value`);
  }
}

/** ECMAScript Number::toString is exactly the RFC 8785 §3.2.2.3 number form; only NaN and ±Infinity are refused. */
function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Refusal(`${value} is not a finite number`);
  return Object.is(value, -0) ? "0" : String(value);
}

/** JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 asks (", \, and U+0000–U+001F, lower-case hex); lone surrogates are refused as not I-JSON. */
function serializeString(value: string): string {
  // isWellFormed is in Node 20 but not yet in TypeScript's ES2023 library.
  if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new Refusal("string contains a lone surrogate (not valid Unicode)");
  return JSON.stringify(value);
}

function serializeObject(value: object, depth: number): string {
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === "function") return serialize(json.call(value), depth);
  if (depth >= MAX_DEPTH) throw new Refusal(`nested more than ${MAX_DEPTH} levels deep (or refers to itself)`);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      text += `${i ? "," : ""}${member(value[i], depth, `[${i}]`, true)}`;
    }
    return `${text}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new Refusal(`${prototype?.constructor?.name ?? "object"} is not a plain JSON object`);
  // Default string sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
  const keys = Object.keys(value).sort();
  let text = "{";
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    text += `${text.length > 1 ? "," : ""}${member(key, depth, `.${key}`, false)}:${member(item, depth, `.${key}`, false)}`;
  }
  return `${text}}`;
}

/** Serialize one member or element, adding its step to the path of any refusal. */
function member(value: unknown, depth: number, step: string, inArray: boolean): string {
  try {
    if (value === undefined && inArray) throw new Refusal("undefined is not a JSON value");
    return serialize(value, depth + 1);
  } catch (error) {
    if (error instanceof Refusal) error.segments.push(step);
    throw error;
  }
}
