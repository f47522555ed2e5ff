// The automatic column mapping, for headers the server named without mapping them (a file refused for missing columns).
import type { CatalogField } from "../api.ts";

/** A header reduced for matching the way the server reduces it: width, case, spaces and punctuation folded. */
function normalise(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-./()（）:：#*]+/g, " ")
    .trim();
}

/** The field whose key, labels or aliases match a header, or null. */
export function guessField(header: string, fields: CatalogField[]): string | null {
  const wanted = normalise(header);
  const field = fields.find((f) => [f.key, f.label, f.labelZh, ...f.aliases].some((alias) => normalise(alias) === wanted));
  return field?.key ?? null;
}
