import { compileGlossary } from "./compile-glossary.ts";
import { FR_GLOSSARY } from "./knowledge/vocabulary-fr.ts";

// AliExpress France, Amazon.fr and Cdiscount listings are written in French. Their product words are read as the English words
// the knowledge base and the schedule use, so "Sac à main femme cuir véritable" reads "handbag women genuine leather". Only a
// text that reads as French is touched.

/** Function words that mark a text as French (and not Spanish or Portuguese, which share "de", "la", "en"). */
const MARKERS = /(?<!\p{L})(?:pour|avec|sans|les|des|du|à|et|une|sur|femme|homme|enfant|enfants|bébé)(?!\p{L})/gu;
/** Function words French shares with Spanish and Portuguese: with three French product words they tip the balance. */
const SHARED = /(?<!\p{L})(?:de|en|la|le)(?!\p{L})/u;
/** Accents French writes and Spanish and Portuguese do not. */
const ACCENTED = /[èàùûîïœë]/u;

const GLOSSARY = compileGlossary(FR_GLOSSARY);
const PHRASES = GLOSSARY.phrases;

/** How strongly a lower-cased text reads as French: its function words and product words (0 when it does not read as French at all). */
export function frenchScore(text: string): number {
  const markers = new Set(text.match(MARKERS) ?? []).size;
  const accented = ACCENTED.test(text);
  const words = new Set(text.match(PHRASES) ?? []).size;
  // Product words alone do not decide it: many are English words too (bracelet, parka, radio).
  const french = markers >= 2 || (markers === 1 && (accented || words >= 1)) || (accented && words >= 2) || (words >= 3 && SHARED.test(text));
  return french ? markers + words : 0;
}

/** True when a lower-cased text reads as French. */
export function looksFrench(text: string): boolean {
  return frenchScore(text) > 0;
}

/** A lower-cased French text with its product words put in English; any other text unchanged (unless the caller has already judged the listing's language). */
export function englishForFrench(text: string, known = false): string {
  if (!known && !looksFrench(text)) return text;
  return text.replace(PHRASES, (phrase) => ` ${GLOSSARY.english(phrase)} `);
}
