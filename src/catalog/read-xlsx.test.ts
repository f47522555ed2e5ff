import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSpreadsheet } from "./read-spreadsheet.ts";
import { decodeXml, readXlsxRows, type XlsxRow } from "./read-xlsx.ts";

/** A zip archive of these files (deflated, or stored when asked), as Excel and other writers make them. */
function zip(files: Record<string, string>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const packed = stored ? data : zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function rows(bytes: Buffer, maxColumns = 300): Promise<XlsxRow[]> {
  const all: XlsxRow[] = [];
  for await (const row of readXlsxRows(bytes, maxColumns)) all.push(row);
  return all;
}

const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
  <Relationship Target="worksheets/sheet2.xml" Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
</Relationships>`;

describe("reading XLSX", () => {
  it("reads the first sheet in workbook order, with shared, rich, inline and phonetic strings, numbers, booleans, formulas, errors and escapes", async () => {
    const bytes = zip({
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Products" sheetId="7" r:id="rId2"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": RELS,
      "xl/sharedStrings.xml": `<sst xmlns="x" count="4"><si><t>SKU</t></si><si><r><rPr><b/></rPr><t>Ti</t></r><r><t xml:space="preserve">tle &amp; name</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si/></sst>`,
      "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
      "xl/worksheets/sheet2.xml": `<x:worksheet xmlns:x="main"><x:sheetPr/><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>2</x:v></x:c></x:row>
        <x:row r="3" spans="1:5"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>CW-</x:t></x:r><x:r><x:t>1 &lt;a&gt;</x:t></x:r></x:is></x:c><x:c r="B3"><x:v>0.30000000000000004</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" t="str"><x:f>A3&amp;"x"</x:f><x:v>CW-1x</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c></x:row>
        <x:row r="4"><x:c r="A4" t="s"><x:v>3</x:v></x:c><x:c r="B4" s="3"/></x:row>
        <x:row><x:c t="str"><x:v>line_x000D_break &#x263A;</x:v></x:c><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="d"><x:v>2026-03-01T00:00:00Z</x:v></x:c></x:row>
        <x:row r="9"/>
      </x:sheetData><x:rowBreaks count="0"/></x:worksheet>`,
    });
    expect(await rows(bytes)).toEqual([
      { rowNumber: 1, cells: ["SKU", "Title & name", "", "漢字"] },
      { rowNumber: 3, cells: ["CW-1 <a>", "0.3", "true", "CW-1x", ""] },
      { rowNumber: 4, cells: ["", ""] },
      { rowNumber: 5, cells: ["line\rbreak ☺", "2", "false", "2026-03-01"] },
      { rowNumber: 9, cells: [] },
    ]);
    const sheet = await readSpreadsheet(bytes, "p.xlsx");
    expect(sheet).toMatchObject({ kind: "xlsx", headerRow: 1, headers: ["SKU", "Title & name", "", "漢字"] });
    const read: number[] = [];
    for await (const row of sheet.rows) read.push(row.rowNumber);
    // Rows with nothing in them are skipped, as before.
    expect(read).toEqual([3, 5]);
  });

  it("reads stored (uncompressed) entries, falls back to the lowest-numbered sheet without a workbook part, and stops at maxColumns", async () => {
    const bytes = zip(
      {
        "xl/worksheets/sheet10.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ten</t></is></c></row></sheetData></worksheet>`,
        "xl/worksheets/sheet2.xml": `<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row></sheetData></worksheet>`,
      },
      true,
    );
    expect(await rows(bytes, 2)).toEqual([{ rowNumber: 2, cells: ["1", "2"] }]);
  });

  it("reads what exceljs writes, with shared strings, as before", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Products");
    sheet.addRow(["SKU", "Title", "Net weight", "Battery", "Total"]);
    sheet.addRow(["CW-1", { richText: [{ text: "LED " }, { text: "lamp", font: { bold: true } }] }, 0.1 + 0.2, true, { formula: "C2*2", result: 0.6 }]);
    sheet.addRow(["CW-2", "台灯 \"Aurora\" & <co>", 12, false, { formula: "C3*2" }]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await rows(bytes)).toEqual([
      { rowNumber: 1, cells: ["SKU", "Title", "Net weight", "Battery", "Total"] },
      { rowNumber: 2, cells: ["CW-1", "LED lamp", "0.3", "true", "0.6"] },
      { rowNumber: 3, cells: ["CW-2", '台灯 "Aurora" & <co>', "12", "false", ""] },
    ]);
  });

  it("names what is wrong with a file that is not a workbook", async () => {
    const bad = async (bytes: Buffer) => {
      try {
        await rows(bytes);
      } catch (error) {
        return (error as Error).message;
      }
      return "read";
    };
    expect(await bad(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toMatch(/not a complete zip archive/);
    expect(await bad(zip({ "word/document.xml": "<w/>" }))).toMatch(/no worksheet/);
    const truncated = zip({ "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(1000)}</sheetData></worksheet>` });
    expect(await bad(Buffer.concat([truncated.subarray(0, 60), truncated.subarray(truncated.length - 200)]))).toMatch(/damaged|truncated|inflated/);
  });

  it("decodes XML entities, character references and Excel's _xHHHH_ escapes", () => {
    expect(decodeXml("a &amp;lt; b &#65;&#x42; _x000D__x005F_x0041_")).toBe("a &lt; b AB \r_x0041_");
  });
});
