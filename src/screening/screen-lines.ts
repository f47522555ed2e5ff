import { csvChunks } from "../db/csv.ts";
import { tariffLine, titleKey, toScreenLine } from "./enrich-lines.ts";
import type { Lane, SourceKind, SourceLine } from "./manifest.ts";
import { detach, OrderBook } from "./order-state.ts";
import { RULE_PACKS, type RulePack } from "./packs.ts";
import { clip, type Finding, type HsSource, type ProductSnapshot, type References, type RuleContext, type ScreenLine, type Severity, type TariffEntry } from "./rules/types.ts";
import { BlockBuilder } from "./store-run.ts";

/** Lines per stored block and per transaction. */
export const CHUNK_LINES = 10_000;

/** Findings per transaction at most: order and manifest rules' findings, or a block's when nearly every line is wrong, are stored in chunks. */
const FINDINGS_PER_WRITE = 5_000;
/** Lines that wait at most for their products and suggestions to be looked up (one request for them all). */
const PENDING_LINES = CHUNK_LINES;
/** Findings kept as objects before they become COPY text. */
const FINDINGS_AS_TEXT = 2_000;

/** What screening lines needs to know, all of it plain data (it is handed to a worker thread). */
export type ScreenSetup = {
  tenantId: string;
  runId: string;
  lane: Lane;
  date: string;
  packId: string;
  sourceKind: SourceKind;
  /** The canonical fields the source can fill. */
  fields: readonly string[];
  /** The pack's required fields that this source's format can carry. */
  required: readonly string[];
  refs: References;
  /** Look up products and classifier suggestions. */
  enrich: boolean;
  /** The lane market's whole catalogue, when it was read up front: a SKU not in it has no product, and nothing is looked up. */
  catalogue?: [string, ProductSnapshot][];
};

/** A classifier suggestion for a title. */
export type Suggestion = { code: string; confidence: number };

/** What the screening asks the database for: products by SKU, suggestions by title (answered by the main thread when screening runs in a worker). */
export type Lookups = {
  products(skus: string[]): Promise<[string, ProductSnapshot][]>;
  /** Suggestions for [title key, title] pairs, by title key (null: the classifier abstained). */
  suggestions(titles: [string, string][]): Promise<[string, Suggestion | null][]>;
};

/** One stored piece of a run: a block of lines (absent when findings are stored on their own), its findings as COPY text, and the orders it started. */
export type ScreenChunk = {
  block: { blockNo: number; firstLine: number; lastLine: number; payload: Uint8Array } | null;
  /** CSV rows for screening_findings_stage, in chunks of about 1 MB. */
  findings: string[];
  findingCount: number;
  /** Order numbers first seen in this block, clipped as findings clip them. */
  orders: string[];
  /** Lines screened so far, and bytes of the source read. */
  lines: number;
  bytes: number;
  /** Whether lines were still being read, or the order rules were running. */
  phase: "reading" | "orders";
};

/** Where a screening sends each chunk to store: emit resolves once there is room for the next (one is written while the next is screened). */
export type ChunkSink = { emit(chunk: Promise<ScreenChunk>): Promise<void>; bytesRead(): number };

/** The run's counts once every line and order has been screened. */
export type ScreenTotals = {
  lines: number;
  orders: number;
  waybills: number;
  findings: number;
  blockedOrders: number;
  byCode: { code: string; severity: Severity; count: number }[];
  hsSources: Record<HsSource, number>;
  catalogueMatched: number;
  /** Fields some line filled. */
  fields: string[];
};

/** What screening a source ends with: the run's totals, the bytes of the source read, and the file's SHA-256 when the screening read it. */
export type ScreenOutcome = { totals: ScreenTotals; bytes: number; sha256: string | null };

/** The rule pack with this id. */
export function packById(id: string): RulePack {
  const pack = RULE_PACKS.find((p) => p.id === id);
  if (!pack) throw new Error(`no rule pack ${id}`);
  return pack;
}

/**
 * Screens a manifest line by line: parses numbers, attaches the catalogue product, suggestion and tariff line, runs
 * the line rules, folds the line into its order, and adds it to the block being encoded; at the end runs the order
 * and manifest rules. A line is done with as soon as it is screened (lines wait only while their products or
 * suggestions are looked up), and the screener keeps the run's tallies and the orders, never the lines. It asks the
 * database only through its lookups and stores only through its sink, so the same code runs on the main thread or
 * in a worker.
 */
export class LineScreener {
  readonly pack: RulePack;
  private readonly ctx: RuleContext;
  private readonly book: OrderBook;
  /** Products by SKU (null: none in the catalogue), each with the tariff line of its confirmed code, looked up once. */
  private readonly products = new Map<string, { product: ProductSnapshot; tariff: TariffEntry | null } | null>();
  /** Whether products holds the whole catalogue (a SKU not in it has none). */
  private readonly complete: boolean;
  private readonly suggested = new Map<string, Suggestion | null>();
  private pending: ScreenLine[] = [];
  private readonly byCode = new Map<string, { severity: Severity; count: number }>();
  private readonly blockedOrders = new Set<string>();
  private readonly fields = new Set<string>();
  private readonly clipped = new Set<string>();
  private readonly hsSources = { line: 0, catalog: 0, classifier: 0, none: 0 };
  private catalogueMatched = 0;
  private seq = 1;
  private lines = 0;
  private blockNo = 0;
  private block = new BlockBuilder();
  private findings: Finding[] = [];
  private findingRows: string[] = [];
  private findingCount = 0;
  private orders: string[] = [];
  private readonly productTexts = new WeakMap<ProductSnapshot, string>();

  constructor(
    private readonly setup: ScreenSetup,
    private readonly lookups: Lookups,
    private readonly sink: ChunkSink,
  ) {
    this.pack = packById(setup.packId);
    this.ctx = { lane: setup.lane, date: setup.date, data: this.pack.data, refs: setup.refs, sourceKind: setup.sourceKind, fields: setup.fields, required: setup.required };
    this.book = new OrderBook(setup.fields);
    this.complete = !!setup.catalogue;
    for (const [sku, product] of setup.catalogue ?? []) this.products.set(sku, this.known(product));
  }

  /** Take the next line: screened now when what it needs is known, else queued for one lookup; a promise means wait before the next line. */
  add(source: SourceLine): Promise<void> | undefined {
    const line = toScreenLine(source, this.setup.refs);
    if (this.pending.length) {
      this.pending.push(line);
      return this.pending.length >= PENDING_LINES ? this.drain() : undefined;
    }
    if (this.setup.enrich && !this.enrich(line)) {
      this.pending.push(line);
      return undefined;
    }
    return this.screenLine(line);
  }

  /** Screen what is queued and store the last block. */
  async endLines(): Promise<void> {
    await this.drain();
    if (this.block.lines) await this.emitBlock();
  }

  /** Attach the line's product and suggestion from what is known; false when one must be looked up first. */
  private enrich(line: ScreenLine): boolean {
    const sku = line.values.sku as string;
    const known = sku ? this.products.get(sku) : null;
    if (known === undefined && !this.complete) return false;
    const product = known?.product ?? null;
    line.product = product;
    if (line.hsSource === "none" && product?.confirmedCode) {
      line.hsCode = product.confirmedCode;
      line.hsSource = "catalog";
      line.tariff = known?.tariff ?? null;
    }
    if (line.hsSource !== "none" || !line.values.title) return true;
    const key = titleKey(line.values.title);
    if (!key) return true;
    const hit = this.suggested.get(key);
    if (hit === undefined) return false;
    if (hit) {
      line.hsCode = hit.code;
      line.hsSource = "classifier";
      line.suggestion = hit;
    }
    return true;
  }

  private known(product: ProductSnapshot): { product: ProductSnapshot; tariff: TariffEntry | null } {
    return { product, tariff: tariffLine(this.setup.refs, product.confirmedCode ?? "") };
  }

  /** Look up what the queued lines need (products, then suggestions for lines with no code anywhere), then screen them. */
  private async drain(): Promise<void> {
    const batch = this.pending;
    if (!batch.length) return;
    this.pending = [];
    if (this.setup.enrich) {
      const wanted = new Set<string>();
      for (const line of batch) {
        const sku = line.values.sku as string;
        if (sku && !this.products.has(sku)) wanted.add(sku);
      }
      if (wanted.size && !this.complete) {
        const skus = [...wanted].map(detach);
        for (const sku of skus) this.products.set(sku, null);
        for (const [sku, product] of await this.lookups.products(skus)) this.products.set(sku, this.known(product));
      }
      // The title each key is asked with is the last line's that has it, as the classifier cache has always done.
      const missing = new Map<string, string>();
      for (const line of batch) {
        if (this.enrich(line) || line.hsSource !== "none") continue;
        missing.set(titleKey(line.values.title as string), line.values.title as string);
      }
      if (missing.size) for (const [key, hit] of await this.lookups.suggestions([...missing])) this.suggested.set(key, hit);
    }
    for (const line of batch) {
      if (this.setup.enrich) this.enrich(line);
      const wait = this.screenLine(line);
      if (wait) await wait;
    }
  }

  /** Tariff line, line rules, order; the line goes into the block, which is stored when full. */
  private screenLine(line: ScreenLine): Promise<void> | undefined {
    if (!line.tariff) line.tariff = tariffLine(this.setup.refs, line.hsCode);
    for (const rule of this.pack.lineRules) {
      const found = rule.check(line, this.ctx);
      if (found) for (const f of found) this.findings.push(f);
    }
    if (this.findings.length >= FINDINGS_AS_TEXT) this.findingsAsText();
    if (this.book.add(line) && line.orderNo) {
      const orderNo = clip(line.orderNo, 120);
      // Two long order numbers can clip to the same text (ending in …); the run lists each text once.
      if (!orderNo.endsWith("…") || !this.clipped.has(orderNo)) this.orders.push(orderNo);
      if (orderNo.endsWith("…")) this.clipped.add(orderNo);
    }
    this.hsSources[line.hsSource]++;
    if (line.product) this.catalogueMatched++;
    this.lines++;
    this.block.add(line, this.productEntry);
    if (this.block.lines >= CHUNK_LINES) return this.emitBlock();
    // A manifest that is wrong everywhere stores its findings ahead of their block rather than hold them all.
    return this.findingCount >= FINDINGS_PER_WRITE ? this.emitFindings("reading") : undefined;
  }

  /** Store the block being filled, with its findings and the orders it started; it compresses while the next is screened. */
  private emitBlock(): Promise<void> {
    const { block } = this;
    this.findingsAsText();
    for (const f of block.filled()) this.fields.add(f);
    const blockNo = this.blockNo++;
    const { firstLine, lastLine } = block;
    const payload = block.finish();
    const chunk = { findings: this.findingRows, findingCount: this.findingCount, orders: this.orders, lines: this.lines, bytes: this.sink.bytesRead(), phase: "reading" as const };
    this.block = new BlockBuilder();
    this.findingRows = [];
    this.findingCount = 0;
    this.orders = [];
    return this.sink.emit(payload.then((bytes) => ({ ...chunk, block: { blockNo, firstLine, lastLine, payload: bytes as Uint8Array } })));
  }

  /** Store the findings so far on their own. */
  private emitFindings(phase: ScreenChunk["phase"]): Promise<void> {
    this.findingsAsText();
    const chunk = { block: null, findings: this.findingRows, findingCount: this.findingCount, orders: [], lines: this.lines, bytes: this.sink.bytesRead(), phase };
    this.findingRows = [];
    this.findingCount = 0;
    return this.sink.emit(Promise.resolve(chunk));
  }

  /** A product's entry in a block's products ("sku":{snapshot}), written once per run: blocks repeat the snapshots their lines used. */
  private readonly productEntry = (product: ProductSnapshot): string => {
    let entry = this.productTexts.get(product);
    if (entry === undefined) this.productTexts.set(product, (entry = `${JSON.stringify(product.sku)}:${JSON.stringify(product)}`));
    return entry;
  };

  /** Once every line is in: the order and manifest rules, their findings stored in chunks; then the run's totals. */
  async endOrders(): Promise<ScreenTotals> {
    const emit = () => this.emitFindings("orders");
    for (const order of this.book.orders()) {
      for (const rule of this.pack.orderRules) {
        const found = rule.check(order, this.ctx);
        if (found) for (const f of found) this.findings.push(f);
      }
      if (this.findings.length >= FINDINGS_AS_TEXT) this.findingsAsText();
      if (this.findingCount >= FINDINGS_PER_WRITE) await emit();
    }
    for (const rule of this.pack.manifestRules) {
      const found = rule.check(this.book, this.ctx);
      if (found) for (const f of found) this.findings.push(f);
      if (this.findings.length + this.findingCount >= FINDINGS_PER_WRITE) await emit();
    }
    if (this.findings.length || this.findingCount) await emit();
    return this.totals();
  }

  /** The counts of the run so far. */
  totals(): ScreenTotals {
    return {
      lines: this.lines,
      orders: this.book.orderCount,
      waybills: this.book.waybillCount,
      findings: this.seq - 1,
      blockedOrders: this.blockedOrders.size,
      byCode: [...this.byCode].map(([code, v]) => ({ code, severity: v.severity, count: v.count })),
      hsSources: this.hsSources,
      catalogueMatched: this.catalogueMatched,
      fields: [...this.fields],
    };
  }

  /** Tally the findings so far and number them; they become COPY text. */
  private findingsAsText(): void {
    const { findings } = this;
    if (!findings.length) return;
    const { tenantId, runId } = this.setup;
    const first = this.seq;
    for (const f of findings) {
      const entry = this.byCode.get(f.code);
      if (entry) entry.count++;
      else this.byCode.set(f.code, { severity: f.severity, count: 1 });
      if (f.severity === "block" && !this.blockedOrders.has(f.orderNo)) this.blockedOrders.add(detach(f.orderNo));
    }
    this.seq += findings.length;
    this.findingCount += findings.length;
    for (const text of csvChunks(findings.map((f, i) => [tenantId, runId, first + i, f.code, f.severity, f.orderNo, f.line, f.field, f.message, f.messageZh, f.evidence, f.hint, f.hintZh]))) this.findingRows.push(text);
    this.findings = [];
  }
}

/** Single lines as parts of one line each (for sources that read a line at a time). */
export async function* onePerPart(lines: AsyncIterable<SourceLine>): AsyncGenerator<Iterable<SourceLine>> {
  for await (const line of lines) yield [line];
}

/** Screen every line of a source, part by part (see ManifestSource.parts), then the orders; returns the run's totals. */
export async function screenSource(screener: LineScreener, parts: AsyncIterable<Iterable<SourceLine>>, onOrders: (lines: number) => void): Promise<ScreenTotals> {
  for await (const part of parts) {
    for (const line of part) {
      const wait = screener.add(line);
      if (wait) await wait;
    }
  }
  await screener.endLines();
  onOrders(screener.totals().lines);
  return screener.endOrders();
}
