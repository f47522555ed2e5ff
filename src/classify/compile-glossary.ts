/** A foreign-language glossary ready to read listings: its phrases as one pattern, longest first, and each phrase's English. */
export type CompiledGlossary = { phrases: RegExp; english: (phrase: string) => string };

/** Compile glossary entries (lower case, accents kept) into one pattern that finds the longest phrase first ("caixa de som" before "caixa"). */
export function compileGlossary(entries: readonly (readonly [foreign: string, english: string])[]): CompiledGlossary {
  const byKey = new Map(entries.map(([foreign, english]) => [foreign.normalize("NFKC").toLowerCase(), english]));
  const phrases = new RegExp(
    `(?<!\\p{L})(?:${[...byKey.keys()]
      .sort((a, b) => b.length - a.length)
      .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|")})(?!\\p{L})`,
    "gu",
  );
  return { phrases, english: (phrase) => byKey.get(phrase) ?? phrase };
}
