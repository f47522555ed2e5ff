// English and Chinese UI strings, and the current language (kept in localStorage, mirrored to <html lang>).
import { useSyncExternalStore } from "react";

export type Lang = "en" | "zh";

const en = {
  "app.name": "Clearway",
  "app.nameLocal": "清关通",
  "app.tagline": "Customs clearance & trade compliance",
  "app.langSwitch": "Interface language",

  "nav.available": "Modules",
  "nav.planned": "Coming next",
  "nav.plannedBadge": "planned",
  "nav.tariff": "Tariff",
  "nav.tariff.hint": "US HTS and HS 2022 nomenclature, rates of duty",
  "nav.status": "Status",
  "nav.status.hint": "Database, loaded editions and import records",
  "nav.catalogue": "Catalogue",
  "nav.catalogue.hint": "Products, materials, suppliers and certificates",
  "nav.classification": "Classification",
  "nav.classification.hint": "HS code suggestions with rationale and review queue",
  "nav.screening": "Screening",
  "nav.screening.hint": "Check whole manifests before they reach customs",
  "nav.declarations": "Declarations",
  "nav.declarations.hint": "China CBEC and US entry lifecycle",
  "nav.bonded": "Bonded & post-release",
  "nav.bonded.hint": "Tally, write-off, release orders, demurrage warnings",
  "nav.risk": "Risk intelligence",
  "nav.risk.hint": "Inspection probability, hot spots, supplier scores",
  "nav.evidence": "Evidence archive",
  "nav.evidence.hint": "Tamper-evident log with offline-verifiable proofs",
  "nav.admin": "Administration",
  "nav.admin.hint": "Tenants, users, roles and API keys",

  "notFound.title": "Page not found",
  "notFound.body": "There is nothing at {path}.",
  "notFound.link": "Open the tariff browser",

  "common.loading": "Loading…",
  "common.retry": "Retry",
  "common.none": "none",
  "common.blank": "(blank)",

  "error.network": "Cannot reach the Clearway server. Check that it is running, then retry.",
  "error.generic": "The server answered with an error ({code}): {message}",
  "error.malformed":
    "“{code}” is not a tariff code. Enter 2, 4, 6, 8 or 10 digits, with or without dots (e.g. 8467.21.00).",
  "error.notFound": "{code} does not exist in {edition}.",
  "error.notFoundNoEdition": "{code} does not exist in this schedule.",
  "error.suggestions": "Closest existing codes:",

  "tariff.title": "Tariff browser",
  "tariff.schedule": "Schedule",
  "tariff.schedule.us_hts": "US HTS",
  "tariff.schedule.hs": "HS 2022",
  "tariff.edition": "{name} · effective {date} · {lines} lines",
  "tariff.searchPlaceholder": "Code or description — e.g. 8467.21, cordless drill, 无绳电钻",
  "tariff.searchButton": "Search",
  "tariff.clearSearch": "Clear search",
  "tariff.results": "{count} results for “{query}”",
  "tariff.resultsOne": "1 result for “{query}”",
  "tariff.noResults": "No lines match “{query}”. Try fewer words, an English term, or the first digits of a code.",
  "tariff.interpretedAs": "Searched in English as",
  "tariff.generalShort": "General",
  "tariff.browseTitle": "Sections and chapters",
  "tariff.section": "Section {section}",
  "tariff.chapter": "Chapter {code}",

  "level.2": "Chapter",
  "level.4": "Heading",
  "level.6": "Subheading",
  "level.8": "Tariff line",
  "level.10": "Statistical line",

  "detail.units": "Units of quantity",
  "detail.rates": "Rates of duty",
  "detail.hsNoRates":
    "The HS nomenclature carries no rates of duty; each importing country sets its own. Switch to US HTS for US rates.",
  "detail.noRatesAtLevel":
    "No rates of duty are printed at this level; they are set on the 8-digit tariff lines below.",
  "detail.children": "Subdivisions",
  "detail.noChildren": "No further subdivisions: this is the most detailed line.",
  "detail.code": "Code",
  "detail.description": "Description",
  "detail.generalRate": "General rate",
  "detail.expand": "Show subdivisions",
  "detail.collapse": "Hide subdivisions",

  "rates.column": "Column",
  "rates.printed": "As printed",
  "rates.effective": "Effective",
  "rates.reading": "Reading",
  "rates.general": "General",
  "rates.general.hint": "Column 1, most-favoured-nation rate",
  "rates.special": "Special",
  "rates.special.hint": "Column 1, preferential programs",
  "rates.column2": "Column 2",
  "rates.column2.hint": "Countries without normal trade relations",
  "rates.inheritedFrom": "inherited from {code}",
  "rates.programs": "programs",

  "rate.empty": "no rate",
  "rate.free": "free",
  "rate.adValorem": "ad valorem {percent}%",
  "rate.specific": "specific {amount} per {unit}",
  "rate.uoq": "UoQ #{index}",
  "rate.compound": "compound",
  "rate.withDetail": "{kind}: {detail}",
  "rate.withNotes": "{text} ({notes})",
  "rate.unparsed": "unparsed",
  "rate.noGroups": "no special rates",

  "status.title": "System status",
  "status.refresh": "Refresh",
  "status.server": "Server",
  "status.serverVersion": "Clearway version",
  "status.health": "Health",
  "status.healthy": "Healthy",
  "status.database": "Database",
  "status.dbKind": "Engine",
  "status.dbKind.pglite": "Embedded PostgreSQL (PGlite)",
  "status.dbKind.postgres": "PostgreSQL server",
  "status.dbVersion": "Version",
  "status.dbLocation": "Data location",
  "status.editions": "Tariff editions",
  "status.noEditions": "No tariff edition has been imported yet.",
  "status.counts": "Reference data",
  "status.imports": "Import records",
  "status.noImports": "No files have been imported yet.",
  "status.col.schedule": "Schedule",
  "status.col.code": "Code",
  "status.col.name": "Name",
  "status.col.effectiveFrom": "Effective from",
  "status.col.lines": "Lines",
  "status.col.importedAt": "Imported at",
  "status.col.source": "Source",
  "status.col.file": "File",
  "status.col.sha256": "SHA-256",
  "status.col.rows": "Rows",
  "status.col.duration": "Duration",

  "count.hsChapters": "HS chapters",
  "count.hsHeadings": "HS headings",
  "count.hs6": "HS 6-digit subheadings",
  "count.htsLines": "HTS rows",
  "count.hts8": "HTS 8-digit tariff lines",
  "count.hts10": "HTS 10-digit statistical lines",
  "count.countries": "Countries and territories",
  "count.currencies": "Currencies",
  "count.locations": "UN/LOCODE locations",
  "count.hazmat": "Hazardous materials entries",
  "count.sdn": "OFAC SDN entries",
};

/** Keys of the UI dictionary. */
export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "app.name": "Clearway",
  "app.nameLocal": "清关通",
  "app.tagline": "跨境清关与贸易合规",
  "app.langSwitch": "界面语言",

  "nav.available": "功能模块",
  "nav.planned": "即将推出",
  "nav.plannedBadge": "规划中",
  "nav.tariff": "税则查询",
  "nav.tariff.hint": "美国 HTS 与 HS 2022 税则目录及税率",
  "nav.status": "系统状态",
  "nav.status.hint": "数据库、已导入税则版本与导入记录",
  "nav.catalogue": "商品库",
  "nav.catalogue.hint": "商品、材质、供应商与证书",
  "nav.classification": "商品归类",
  "nav.classification.hint": "HS 编码建议、归类理由与复核队列",
  "nav.screening": "申报前筛查",
  "nav.screening.hint": "在申报前检查整份舱单",
  "nav.declarations": "申报管理",
  "nav.declarations.hint": "中国跨境电商与美国进口申报全流程",
  "nav.bonded": "保税与放行后",
  "nav.bonded.hint": "理货、核销、放行单、滞港费预警",
  "nav.risk": "风险情报",
  "nav.risk.hint": "查验概率、风险热点、供应商评分",
  "nav.evidence": "证据存档",
  "nav.evidence.hint": "防篡改日志，证明可离线验证",
  "nav.admin": "系统管理",
  "nav.admin.hint": "租户、用户、角色与 API 密钥",

  "notFound.title": "页面不存在",
  "notFound.body": "{path} 没有对应的页面。",
  "notFound.link": "打开税则查询",

  "common.loading": "加载中…",
  "common.retry": "重试",
  "common.none": "无",
  "common.blank": "（空）",

  "error.network": "无法连接 Clearway 服务器。请确认服务已启动后重试。",
  "error.generic": "服务器返回错误（{code}）：{message}",
  "error.malformed": "“{code}”不是有效的税则编码。请输入 2、4、6、8 或 10 位数字，可带或不带点（如 8467.21.00）。",
  "error.notFound": "{edition} 中不存在编码 {code}。",
  "error.notFoundNoEdition": "本税则中不存在编码 {code}。",
  "error.suggestions": "最接近的现有编码：",

  "tariff.title": "税则查询",
  "tariff.schedule": "税则",
  "tariff.schedule.us_hts": "美国 HTS",
  "tariff.schedule.hs": "HS 2022",
  "tariff.edition": "{name} · {date} 起施行 · 共 {lines} 行",
  "tariff.searchPlaceholder": "编码或商品描述，如 8467.21、无绳电钻、cordless drill",
  "tariff.searchButton": "搜索",
  "tariff.clearSearch": "清除搜索",
  "tariff.results": "“{query}”共 {count} 条结果",
  "tariff.resultsOne": "“{query}”共 1 条结果",
  "tariff.noResults": "没有与“{query}”匹配的税目。请减少关键词、改用英文，或输入编码的前几位。",
  "tariff.interpretedAs": "已按英文检索",
  "tariff.generalShort": "普通税率",
  "tariff.browseTitle": "类与章",
  "tariff.section": "第 {section} 类",
  "tariff.chapter": "第 {code} 章",

  "level.2": "章",
  "level.4": "品目",
  "level.6": "子目",
  "level.8": "税号（8 位）",
  "level.10": "统计编码（10 位）",

  "detail.units": "计量单位",
  "detail.rates": "税率",
  "detail.hsNoRates": "HS 协调制度本身不含税率，税率由各进口国自行规定。切换到美国 HTS 可查看美国税率。",
  "detail.noRatesAtLevel": "此层级未列税率，税率列在下级的 8 位税号上。",
  "detail.children": "下级细分",
  "detail.noChildren": "没有下级细分：这已是最细一级的编码。",
  "detail.code": "编码",
  "detail.description": "描述",
  "detail.generalRate": "普通税率",
  "detail.expand": "展开下级",
  "detail.collapse": "收起下级",

  "rates.column": "栏目",
  "rates.printed": "税则原文",
  "rates.effective": "适用税率",
  "rates.reading": "解析",
  "rates.general": "普通税率",
  "rates.general.hint": "第 1 栏，最惠国税率",
  "rates.special": "特惠税率",
  "rates.special.hint": "第 1 栏，优惠贸易安排",
  "rates.column2": "第 2 栏税率",
  "rates.column2.hint": "适用于无正常贸易关系的国家",
  "rates.inheritedFrom": "继承自 {code}",
  "rates.programs": "适用安排",

  "rate.empty": "无税率",
  "rate.free": "免税",
  "rate.adValorem": "从价 {percent}%",
  "rate.specific": "从量 {amount}/{unit}",
  "rate.uoq": "按第 {index} 计量单位",
  "rate.compound": "复合税",
  "rate.withDetail": "{kind}：{detail}",
  "rate.withNotes": "{text}（{notes}）",
  "rate.unparsed": "未能解析",
  "rate.noGroups": "无特惠税率",

  "status.title": "系统状态",
  "status.refresh": "刷新",
  "status.server": "服务器",
  "status.serverVersion": "Clearway 版本",
  "status.health": "运行状况",
  "status.healthy": "正常",
  "status.database": "数据库",
  "status.dbKind": "引擎",
  "status.dbKind.pglite": "内嵌 PostgreSQL（PGlite）",
  "status.dbKind.postgres": "PostgreSQL 服务器",
  "status.dbVersion": "版本",
  "status.dbLocation": "数据位置",
  "status.editions": "税则版本",
  "status.noEditions": "尚未导入任何税则版本。",
  "status.counts": "参考数据",
  "status.imports": "导入记录",
  "status.noImports": "尚未导入任何文件。",
  "status.col.schedule": "税则",
  "status.col.code": "代码",
  "status.col.name": "名称",
  "status.col.effectiveFrom": "生效日期",
  "status.col.lines": "行数",
  "status.col.importedAt": "导入时间",
  "status.col.source": "来源",
  "status.col.file": "文件",
  "status.col.sha256": "SHA-256",
  "status.col.rows": "行数",
  "status.col.duration": "耗时",

  "count.hsChapters": "HS 章",
  "count.hsHeadings": "HS 品目（4 位）",
  "count.hs6": "HS 子目（6 位）",
  "count.htsLines": "HTS 全部行",
  "count.hts8": "HTS 税号（8 位）",
  "count.hts10": "HTS 统计编码（10 位）",
  "count.countries": "国家和地区",
  "count.currencies": "货币",
  "count.locations": "UN/LOCODE 地点",
  "count.hazmat": "危险品条目",
  "count.sdn": "OFAC SDN 名单条目",
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };
const STORAGE_KEY = "clearway.lang";
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "zh") return stored;
  } catch {
    // Storage can be disabled (privacy mode); fall back to the browser language.
  }
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

let current: Lang = initialLang();

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}
applyToDocument(current);

/** Switches the UI language and remembers the choice. */
export function setLang(lang: Lang): void {
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
  applyToDocument(lang);
  for (const listener of listeners) listener();
}

/** Whether a string is a dictionary key (for keys built at runtime, such as count names). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** Translates a key in a given language, replacing `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translator bound to a language, plus locale-aware number and date formatting. */
export type I18n = {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  formatNumber: (value: number) => string;
  formatDateTime: (iso: string) => string;
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const binders = new Map<Lang, I18n>();

function bind(lang: Lang): I18n {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    formatNumber: (value) => numbers.format(value),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
  };
}

/** The current language and its translator; re-renders when the language changes. */
export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, () => current);
  let i18n = binders.get(lang);
  if (!i18n) {
    i18n = bind(lang);
    binders.set(lang, i18n);
  }
  return i18n;
}
