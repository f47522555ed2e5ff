import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.ts";
import { CN_CUSTOMS_COUNTRIES, CN_CUSTOMS_CURRENCIES, CN_CUSTOMS_UNITS, cnCountryToIso, cnCurrencyToIso } from "./customs-codes.ts";
import { FIELD_KEYS, type SourceLine } from "./manifest.ts";
import { type CebManifest, looksLikeCebXml, readCebXml } from "./read-ceb-xml.ts";

const FIXTURES = new URL("../../test/fixtures/screening/", import.meta.url);
const EXAMPLES = new URL("../../examples/manifests/", import.meta.url);
const CEB = 'xmlns:ceb="http://www.chinaport.gov.cn/ceb"';

// Small read chunks so multi-byte characters and tags straddle chunk boundaries.
function fixture(name: string, base: URL = FIXTURES): AsyncIterable<Buffer> {
  return createReadStream(new URL(name, base), { highWaterMark: 61 });
}

async function* chunked(data: string | Buffer, size = 13): AsyncGenerator<Buffer> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(manifest: CebManifest): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const line of manifest.lines) lines.push(line);
  return lines;
}

async function readLines(input: AsyncIterable<Buffer>, name = "test.xml", limits?: Parameters<typeof readCebXml>[2]): Promise<SourceLine[]> {
  return collect(await readCebXml(input, name, limits));
}

async function caught(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

function cebDoc(body: string, root = "CEB603Message"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ceb:${root} ${CEB}>\n${body}\n</ceb:${root}>\n`;
}

const SMALL_INVENTORY =
  "<ceb:Inventory><ceb:InventoryHead><ceb:orderNo>O1</ceb:orderNo></ceb:InventoryHead><ceb:InventoryList><ceb:gnum>1</ceb:gnum></ceb:InventoryList></ceb:Inventory>";

describe("readCebXml: CEB603 export inventory", () => {
  it("maps every item of every inventory to a canonical line, head fields repeated", async () => {
    const manifest = await readCebXml(fixture("ceb603-valid.xml"), "ceb603-valid.xml");
    expect(manifest.kind).toBe("ceb603");
    expect(manifest.lane).toBe("cn-export");
    const lines = await collect(manifest);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    for (const { values } of lines) for (const key of FIELD_KEYS) expect(typeof values[key]).toBe("string");

    expect(lines[0]?.values).toMatchObject({
      order_no: "SO20250312000101",
      waybill_no: "SD8800012345CN",
      bill_no: "784-12345675",
      consignor_name: "深圳市星耀电子有限公司",
      manufacturer_name: "东莞市星耀精密制造有限公司",
      transport_mode: "5",
      voyage_no: "CZ3101",
      customs_code: "5141",
      waybill_gross_weight_kg: "0.85",
      waybill_net_weight_kg: "0.62",
      freight: "12.50",
      insured_fee: "0",
      consignee_country: "US",
      sku: "XY-BT-01",
      title: "无线蓝牙耳机",
      hs_code: "8518300000",
      qty: "2",
      unit: "011",
      unit_value: "89.00",
      line_total: "178.00",
      currency: "CNY",
      barcode: "6901234567892",
      origin_country: "",
      buyer_name: "",
      ceb_gnum: "1",
      ceb_copNo: "COP20250312000101",
      ceb_tradeMode: "9610",
      ceb_ebpCode: "91440300MA5F000001",
      ceb_ebcCode: "91440300MA5F000004",
      ceb_agentCode: "91440300MA5F000003",
      ceb_statisticsFlag: "A",
      ceb_portCode: "5141",
      ceb_gmodel: "TWS-01|蓝牙5.3|黑色",
      ceb_unit1: "011",
    });
  });

  it("falls back to itemName for the title, converts currency 502, and takes the destination from the item when the head has none", async () => {
    const lines = await readLines(fixture("ceb603-valid.xml"));
    expect(lines[1]?.values).toMatchObject({ title: "数据线", currency: "USD", barcode: "无", order_no: "SO20250312000101" });
    expect(lines[2]?.values).toMatchObject({ order_no: "SO20250312000102", title: "移动电源 & 充电宝", consignee_country: "GB", bill_no: "", ceb_gnum: "1" });
    expect(lines[2]?.values.ceb_copNo).toBeUndefined();
  });

  it("reads the same lines whatever the chunking (1-byte chunks split every multi-byte character)", async () => {
    const bytes = readFileSync(new URL("ceb603-valid.xml", FIXTURES));
    const whole = await readLines(chunked(bytes, bytes.length));
    const bytewise = await readLines(chunked(bytes, 1));
    expect(bytewise).toEqual(whole);
  });
});

describe("readCebXml: CEB621 import inventory", () => {
  it("reads a default-namespace document with a UTF-8 BOM, CDATA and a foreign-namespace signature", async () => {
    const manifest = await readCebXml(fixture("ceb621-valid.xml"), "ceb621-valid.xml");
    expect(manifest).toMatchObject({ kind: "ceb621", lane: "cn-import" });
    const lines = await collect(manifest);
    expect(lines.map((l) => l.line)).toEqual([1, 2]);
    expect(lines[0]?.values).toMatchObject({
      order_no: "HN20250405000001",
      waybill_no: "YT4001234567001",
      consignor_name: "海南优选跨境电商平台有限公司",
      buyer_name: "王小明",
      buyer_id_no: "110101199003074514",
      buyer_phone: "13800138000",
      consignee_name: "王小明",
      consignee_address: "北京市东城区东华门街道<南池子大街>18号",
      consignee_phone: "13800138000",
      customs_code: "6409",
      transport_mode: "Y",
      origin_country: "AU",
      consignee_country: "",
      manufacturer_name: "",
      hs_code: "1901101000",
      unit: "122",
      currency: "CNY",
      ceb_assureCode: "46011601AB",
      ceb_emsNo: "T4601W000001",
      ceb_itemRecordNo: "HK-0001",
      ceb_tradeMode: "1210",
      ceb_areaCode: "4601610001",
    });
  });

  it("defaults the origin to the head country and the currency to the head currency", async () => {
    const lines = await readLines(fixture("ceb621-valid.xml"));
    expect(lines[1]?.values).toMatchObject({ sku: "JP-CRM-050", title: "面霜", origin_country: "CN", currency: "CNY", buyer_name: "王小明" });
  });

  it("decodes a document whose prolog declares GBK with the GB18030 decoder", async () => {
    const lines = await readLines(fixture("ceb621-gbk.xml"));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.values).toMatchObject({
      consignor_name: "广州市悦购国际贸易有限公司",
      buyer_name: "李娜",
      consignee_address: "广东省广州市天河区珠江新城华夏路10号",
      title: "日本抹茶粉（罐装）",
      origin_country: "JP",
      currency: "CNY",
    });
  });
});

describe("readCebXml: example manifests", () => {
  it("reads the CEB603 example with its deliberate problems intact", async () => {
    const manifest = await readCebXml(fixture("cn-export-ceb603.xml", EXAMPLES), "cn-export-ceb603.xml");
    const lines = await collect(manifest);
    expect(manifest.lane).toBe("cn-export");
    expect(lines).toHaveLength(8);
    expect(lines.map((l) => l.values.consignee_country)).toEqual(["US", "US", "GB", "GB", "GB", "DE", "DE", "888"]);
    expect(lines[2]?.values.qty).toBe("0");
    expect(lines[6]?.values.hs_code).toBe("8599100000");
    expect(lines[5]?.values).toMatchObject({ waybill_gross_weight_kg: "3.20", waybill_net_weight_kg: "3.60" });
    expect(lines[7]?.values.waybill_no).toBe(lines[0]?.values.waybill_no);
    expect(lines[7]?.values.order_no).not.toBe(lines[0]?.values.order_no);
  });

  it("reads the CEB621 example with its deliberate problems intact", async () => {
    const lines = await readLines(fixture("cn-import-ceb621.xml", EXAMPLES), "cn-import-ceb621.xml");
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.values.origin_country)).toEqual(["AU", "JP", "JP", "888", "KR", "US", "DE"]);
    expect(lines[1]?.values.line_total).toBe("5980.00");
    expect(lines[3]?.values.buyer_id_no).toBe("44010619950621283X");
    expect(lines[4]?.values.qty).toBe("0");
    expect(lines[5]?.values).toMatchObject({ hs_code: "2106990000", waybill_gross_weight_kg: "2.10", waybill_net_weight_kg: "2.40" });
    expect(lines[5]?.values.waybill_no).toBe(lines[0]?.values.waybill_no);
  });
});

describe("readCebXml: streaming", () => {
  it("streams 20,000 inventories lazily, never running far ahead of the consumer", async () => {
    const total = 20_000;
    let produced = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<ceb:CEB603Message ${CEB}>\n`);
      for (let i = 1; i <= total; i++) {
        produced = i;
        yield Buffer.from(
          `<ceb:Inventory><ceb:InventoryHead><ceb:orderNo>SO${i}</ceb:orderNo><ceb:logisticsNo>LN${i}</ceb:logisticsNo><ceb:ebcName>深圳市测试电子有限公司</ceb:ebcName>` +
            `<ceb:country>502</ceb:country><ceb:grossWeight>1.5</ceb:grossWeight><ceb:netWeight>1.2</ceb:netWeight></ceb:InventoryHead>` +
            `<ceb:InventoryList><ceb:gnum>1</ceb:gnum><ceb:itemNo>SKU-${i}-A</ceb:itemNo><ceb:gcode>8518300000</ceb:gcode><ceb:gname>蓝牙耳机</ceb:gname><ceb:qty>1</ceb:qty><ceb:unit>011</ceb:unit><ceb:price>10</ceb:price><ceb:totalPrice>10</ceb:totalPrice><ceb:currency>142</ceb:currency></ceb:InventoryList>` +
            `<ceb:InventoryList><ceb:gnum>2</ceb:gnum><ceb:itemNo>SKU-${i}-B</ceb:itemNo><ceb:gcode>8544422100</ceb:gcode><ceb:gname>数据线</ceb:gname><ceb:qty>2</ceb:qty><ceb:unit>015</ceb:unit><ceb:price>3</ceb:price><ceb:totalPrice>6</ceb:totalPrice><ceb:currency>142</ceb:currency></ceb:InventoryList></ceb:Inventory>\n`,
        );
      }
      yield Buffer.from("</ceb:CEB603Message>\n");
    }
    const manifest = await readCebXml(Readable.from(source()), "big.xml");
    expect(produced).toBeLessThan(100);
    const heapBefore = process.memoryUsage().heapUsed;
    let count = 0;
    let maxLead = 0;
    let maxHeap = heapBefore;
    for await (const line of manifest.lines) {
      count += 1;
      expect(line.line).toBe(count);
      maxLead = Math.max(maxLead, produced - Math.ceil(count / 2));
      if (count % 2000 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      if (count === 39_999) expect(line.values).toMatchObject({ order_no: "SO20000", sku: "SKU-20000-A", consignee_country: "US", currency: "CNY" });
    }
    expect(count).toBe(total * 2);
    // The source is about 18 MB; the reader may only buffer what Readable prefetches plus one chunk of lines.
    expect(maxLead).toBeLessThan(100);
    expect(maxHeap - heapBefore).toBeLessThan(96 * 1024 * 1024);
  });

  it("releases the source when the consumer stops early", async () => {
    let released = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        yield Buffer.from(cebDoc(`${SMALL_INVENTORY}\n${SMALL_INVENTORY}`).slice(0, -30));
        yield Buffer.from("never read");
      } finally {
        released = true;
      }
    }
    const manifest = await readCebXml(source(), "early.xml");
    for await (const line of manifest.lines) {
      expect(line.line).toBe(1);
      break;
    }
    expect(released).toBe(true);
  });
});

describe("readCebXml: refusals", () => {
  it("refuses a DOCTYPE with an external entity before yielding anything", async () => {
    const error = await caught(() => readCebXml(fixture("ceb-doctype-external-entity.xml"), "xxe.xml"));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe(
      "xxe.xml cannot be read as a CEB message: it contains a DOCTYPE declaration (line 4); DOCTYPEs are refused because they can define external or expanding entities.",
    );
  });

  it("refuses a billion-laughs document at its DOCTYPE", async () => {
    const error = await caught(() => readCebXml(fixture("ceb-billion-laughs.xml"), "lol.xml"));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toContain("it contains a DOCTYPE declaration");
  });

  it("refuses an undefined entity, naming its line and column", async () => {
    const manifest = await readCebXml(fixture("ceb-undefined-entity.xml"), "entity.xml");
    const error = await caught(() => collect(manifest));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe(
      "entity.xml cannot be read as a CEB message: it uses an undefined entity at line 5, column 65 (only the five predefined XML entities and character references are allowed).",
    );
  });

  it("refuses malformed XML, naming its line and column", async () => {
    const manifest = await readCebXml(fixture("ceb-malformed.xml"), "bad.xml");
    const error = await caught(() => collect(manifest));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe("bad.xml cannot be read as a CEB message: it is not well-formed XML at line 5, column 67 (unexpected close tag).");
  });

  it("refuses a file that ends before its root element closes", async () => {
    const xml = cebDoc(SMALL_INVENTORY).replace("</ceb:CEB603Message>\n", "");
    const manifest = await readCebXml(chunked(xml), "cut.xml");
    const error = await caught(() => collect(manifest));
    expect(error.message).toMatch(/^cut\.xml cannot be read as a CEB message: it is not well-formed XML at line \d+, column \d+ \(unclosed tag: ceb:CEB603Message\)\.$/);
  });

  it("refuses another root element, saying which was found and which are accepted", async () => {
    const error = await caught(() => readCebXml(fixture("ceb-wrong-root.xml"), "order.xml"));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe(
      "order.xml cannot be read as a CEB message: its root element is ceb:CEB311Message (namespace http://www.chinaport.gov.cn/ceb); the accepted roots are CEB603Message and CEB621Message in namespace http://www.chinaport.gov.cn/ceb.",
    );
  });

  it("refuses a CEB root name in a foreign namespace", async () => {
    const xml = '<CEB603Message xmlns="urn:example:other"><Inventory/></CEB603Message>';
    const error = await caught(() => readCebXml(chunked(xml), "ns.xml"));
    expect(error.message).toContain("its root element is CEB603Message (namespace urn:example:other)");
  });

  it("refuses a file that is not XML at all, and an empty file", async () => {
    const csv = await caught(() => readCebXml(fixture("not-xml.csv"), "orders.csv"));
    expect(csv.message).toBe("orders.csv cannot be read as a CEB message: it is not XML (it has text before any element).");
    const empty = await caught(() => readCebXml(chunked(""), "empty.xml"));
    expect(empty.code).toBe("IMPORT_UNREADABLE");
    expect(empty.message).toBe("empty.xml cannot be read as a CEB message: it has no root element.");
  });

  it("caps the total bytes", async () => {
    const error = await caught(() => readLines(fixture("ceb603-valid.xml"), "big.xml", { maxBytes: 2000 }));
    expect(error.code).toBe("IMPORT_TOO_LARGE");
    expect(error.message).toBe("big.xml is larger than the 2000-byte limit for a CEB XML file.");
  });

  it("caps a single text node at 1 MB by default, before it has ended", async () => {
    const head = `<?xml version="1.0"?>\n<ceb:CEB603Message ${CEB}><ceb:Inventory><ceb:InventoryHead><ceb:orderNo>`;
    let written = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(head);
      const block = Buffer.alloc(64 * 1024, "x");
      for (;;) {
        written += block.length;
        yield block;
      }
    }
    const error = await caught(() => readLines(source(), "text.xml"));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe("text.xml cannot be read as a CEB message: a single text value near line 2 is longer than 1048576 characters.");
    expect(written).toBeLessThan(2 * 1024 * 1024);
  });

  it("caps a text node at a configured limit", async () => {
    const xml = cebDoc(`<ceb:Inventory><ceb:InventoryHead><ceb:orderNo>${"9".repeat(500)}</ceb:orderNo></ceb:InventoryHead></ceb:Inventory>`);
    const error = await caught(() => readLines(chunked(xml, 4096), "text.xml", { maxTextChars: 100 }));
    expect(error.message).toContain("longer than 100 characters");
  });

  it("caps element depth at 64 by default", async () => {
    const deep = `${"<a>".repeat(70)}${"</a>".repeat(70)}`;
    const error = await caught(() => readLines(chunked(cebDoc(`<ceb:Inventory>${deep}</ceb:Inventory>`)), "deep.xml"));
    expect(error.code).toBe("IMPORT_UNREADABLE");
    expect(error.message).toBe("deep.xml cannot be read as a CEB message: its elements nest deeper than 64 levels (at line 3).");
    const ok = await readLines(chunked(cebDoc(`<ceb:Inventory>${"<a>".repeat(60)}${"</a>".repeat(60)}</ceb:Inventory>`)), "ok.xml");
    expect(ok).toEqual([]);
  });

  it("refuses an encoding it cannot decode and bytes that are not UTF-8", async () => {
    const latin = '<?xml version="1.0" encoding="ISO-8859-1"?><ceb:CEB603Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"/>';
    const declared = await caught(() => readCebXml(chunked(latin), "latin.xml"));
    expect(declared.message).toBe(
      'latin.xml cannot be read as a CEB message: its XML declaration names the encoding "iso-8859-1"; CEB XML is read as UTF-8 or GB18030/GBK/GB2312.',
    );
    const bytes = Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><ceb:CEB603Message ${CEB}><ceb:x>`), Buffer.from([0xc3, 0x28]), Buffer.from("</ceb:x>")]);
    const manifest = await readCebXml(chunked(bytes, bytes.length - 12), "bytes.xml");
    const invalid = await caught(() => collect(manifest));
    expect(invalid.message).toMatch(/^bytes\.xml cannot be read as a CEB message: it is not valid UTF-8 text/);
  });

  it("refuses an InventoryList that comes before its InventoryHead", async () => {
    const xml = cebDoc("<ceb:Inventory><ceb:InventoryList><ceb:gnum>1</ceb:gnum></ceb:InventoryList></ceb:Inventory>");
    const error = await caught(() => readLines(chunked(xml), "order.xml"));
    expect(error.message).toBe("order.xml cannot be read as a CEB message: an InventoryList comes before its InventoryHead (line 3).");
  });
});

describe("looksLikeCebXml", () => {
  it("recognises an XML prolog or a CEB root element", () => {
    expect(looksLikeCebXml(Buffer.from('<?xml version="1.0"?><x/>'))).toBe(true);
    expect(looksLikeCebXml(Buffer.from(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>`))).toBe(true);
    expect(looksLikeCebXml(Buffer.from(`  <ceb:CEB621Message ${CEB}>`))).toBe(true);
    expect(looksLikeCebXml(Buffer.from('<CEB603Message xmlns="http://www.chinaport.gov.cn/ceb">'))).toBe(true);
    expect(looksLikeCebXml(Buffer.from("<html><body>"))).toBe(false);
    expect(looksLikeCebXml(Buffer.from("order_no,sku,qty\n"))).toBe(false);
    expect(looksLikeCebXml(Buffer.from("<CEB603MessageX>"))).toBe(false);
  });
});

describe("customs code tables", () => {
  it("maps China customs country codes to ISO alpha-2", () => {
    expect(CN_CUSTOMS_COUNTRIES).toMatchObject({
      "142": "CN",
      "502": "US",
      "110": "HK",
      "121": "MO",
      "143": "TW",
      "116": "JP",
      "133": "KR",
      "303": "GB",
      "304": "DE",
      "601": "AU",
    });
    const values = Object.values(CN_CUSTOMS_COUNTRIES);
    expect(values.every((v) => /^[A-Z]{2}$/.test(v))).toBe(true);
    expect(new Set(values).size).toBe(values.length);
    expect(Object.keys(CN_CUSTOMS_COUNTRIES).every((k) => /^[1-6]\d\d$/.test(k))).toBe(true);
    expect(values.length).toBeGreaterThan(200);
    for (const regional of ["199", "299", "701", "702", "999"]) expect(CN_CUSTOMS_COUNTRIES[regional]).toBeUndefined();
  });

  it("maps currency codes and names units", () => {
    expect(CN_CUSTOMS_CURRENCIES).toMatchObject({ "142": "CNY", "502": "USD", "110": "HKD", "300": "EUR", "303": "GBP", "116": "JPY" });
    expect(CN_CUSTOMS_UNITS["011"]).toEqual({ zh: "件", en: "piece" });
    expect(CN_CUSTOMS_UNITS["035"]).toEqual({ zh: "千克", en: "kilogram" });
    expect(CN_CUSTOMS_UNITS["007"]?.zh).toBe("个");
  });

  it("passes ISO codes through and leaves unknown codes unchanged", () => {
    expect(cnCountryToIso("502")).toBe("US");
    expect(cnCountryToIso("us")).toBe("US");
    expect(cnCountryToIso("888")).toBe("888");
    expect(cnCurrencyToIso("142")).toBe("CNY");
    expect(cnCurrencyToIso("usd")).toBe("USD");
    expect(cnCurrencyToIso("999")).toBe("999");
  });
});
