// The kinds of trade document the evidence archive knows; no Node imports, so the console can use the list too.

/** Kinds of trade document the archive knows. */
export const DOCUMENT_TYPES = [
  "invoice",
  "packing_list",
  "certificate_of_origin",
  "certificate",
  "bill_of_lading",
  "air_waybill",
  "contract",
  "licence",
  "inspection_certificate",
  "insurance_certificate",
  "customs_declaration",
  "tally_sheet",
  "photo",
  "other",
] as const;

/** One of DOCUMENT_TYPES. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Whether a string names a known document type. */
export const isDocumentType = (value: string): value is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(value);
