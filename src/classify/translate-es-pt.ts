import { compileGlossary } from "./compile-glossary.ts";
import { ES_PT_GLOSSARY } from "./knowledge/vocabulary-es-pt.ts";

// Mercado Libre, Shopee Brasil and Amazon.com.mx listings are written in Spanish or Portuguese. Their product words are read as
// the English words the knowledge base and the schedule use, so "Chinelo Masculino … Borracha" reads "flip flops men … rubber".
// Only a text that reads as Spanish or Portuguese is touched: an English title with a Spanish brand is left as it is.

/** Function words that mark a text as Spanish or Portuguese. */
const MARKERS = /(?<!\p{L})(?:para|con|com|sin|sem|del|los|las|el|la|y|em|en|por|una|uma|um|das|dos|da|do|de|que|não|pulgadas|polegadas)(?!\p{L})/gu;
const ACCENTED = /[áéíóúãõâêôçñ]/u;

const GLOSSARY = compileGlossary(ES_PT_GLOSSARY);
const PHRASES = GLOSSARY.phrases;

/** True when a lower-cased text reads as Spanish or Portuguese: its function words, accents and product words together. */
export function looksSpanishOrPortuguese(text: string): boolean {
  return spanishPortugueseScore(text) > 0;
}

/** How strongly a lower-cased text reads as Spanish or Portuguese: its function words and product words (0 when it does not at all). */
export function spanishPortugueseScore(text: string): number {
  const markers = new Set(text.match(MARKERS) ?? []).size;
  const accented = ACCENTED.test(text);
  const words = new Set(text.match(PHRASES) ?? []).size;
  const foreign = markers >= 2 || (markers === 1 && accented) || (markers === 1 && words >= 1) || (accented && words >= 2) || words >= 3;
  return foreign ? markers + words : 0;
}

/** A lower-cased Spanish or Portuguese text with its product words put in English; any other text unchanged (unless the caller has already judged the listing's language). */
export function englishForSpanishPortuguese(text: string, known = false): string {
  if (!known && !looksSpanishOrPortuguese(text)) return text;
  return text.replace(PHRASES, (phrase) => ` ${GLOSSARY.english(phrase)} `);
}
