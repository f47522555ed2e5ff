import { MANIFEST_FIELDS } from "../manifest.ts";

const LABELS = new Map(MANIFEST_FIELDS.map((f) => [f.key, { en: f.label, zh: f.labelZh }]));

/** A field's English and Chinese label (the key itself for fields outside the canonical set). */
export function fieldLabel(key: string): { en: string; zh: string } {
  return LABELS.get(key) ?? { en: key, zh: key };
}

/** A number as people write money and weights: up to 4 decimals, no float noise. */
export function show(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}
