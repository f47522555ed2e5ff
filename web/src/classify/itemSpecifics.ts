// Item specifics as a person types them on the classify page: one "Key: value" per line, as marketplaces show them.

/** The item specifics read from "Key: value" lines (full-width colons too), or the first line that is not one. */
export function parseItemSpecifics(text: string): { attributes: Record<string, string> } | { badLine: number } {
  const attributes: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (!line) continue;
    const match = /^([^:：]{1,100})[:：]\s*(.+)$/.exec(line);
    if (!match) return { badLine: i + 1 };
    attributes[(match[1] ?? "").trim()] = (match[2] ?? "").trim();
  }
  return { attributes };
}
