/** How a field's text is read. */
export type FieldType = "text" | "decimal" | "country" | "currency" | "list" | "boolean" | "choice" | "materials" | "dimensions" | "code";

/** A product field an import column can map to; a choice field takes one of `choices`. */
export type FieldSpec = { key: string; type: FieldType; label: string; labelZh: string; aliases: string[]; max?: number; choices?: readonly string[] };

/** The values each choice-type regulated attribute takes. */
export const REGULATED_CHOICES = {
  battery_form: ["cell", "pack"],
  battery_chemistry: ["lithium_ion", "lithium_metal"],
  battery_packing: ["alone", "with_equipment", "in_equipment"],
  textile_construction: ["knit", "woven", "nonwoven"],
} as const;

/** The largest battery energy taken for real (watt-hours); more is a typing error. */
export const MAX_BATTERY_WH = 100_000;

/** The product fields, with the header names (English and Chinese) that map to them automatically. */
export const PRODUCT_FIELDS: readonly FieldSpec[] = [
  { key: "sku", type: "text", label: "SKU", labelZh: "商品编号", max: 64, aliases: ["sku", "seller sku", "item sku", "product code", "item code", "item no", "article no", "货号", "商品编号", "商品货号", "料号", "物料编码", "sku编码", "商品sku"] },
  { key: "title_en", type: "text", label: "Title (English)", labelZh: "英文品名", max: 500, aliases: ["title", "title en", "product name", "name", "item name", "english name", "description of goods", "英文品名", "英文名称", "英文商品名称"] },
  { key: "title_zh", type: "text", label: "Title (Chinese)", labelZh: "中文品名", max: 500, aliases: ["title zh", "chinese name", "中文品名", "商品名称", "品名", "中文名称", "货物名称", "商品中文名称"] },
  { key: "description_en", type: "text", label: "Description (English)", labelZh: "英文描述", max: 5000, aliases: ["description", "description en", "long description", "英文描述"] },
  { key: "description_zh", type: "text", label: "Description (Chinese)", labelZh: "中文描述", max: 5000, aliases: ["description zh", "商品描述", "中文描述", "描述"] },
  { key: "brand", type: "text", label: "Brand", labelZh: "品牌", max: 120, aliases: ["brand", "brand name", "品牌", "品牌名称"] },
  { key: "model", type: "text", label: "Model / specification", labelZh: "规格型号", max: 250, aliases: ["model", "model no", "specification", "spec", "规格型号", "型号", "规格"] },
  { key: "materials", type: "materials", label: "Materials (composition)", labelZh: "材质成分", max: 500, aliases: ["materials", "material", "composition", "fabric", "材质", "材料", "成分", "材质成分", "面料"] },
  { key: "function_use", type: "text", label: "Function / use", labelZh: "用途", max: 1000, aliases: ["function", "use", "usage", "purpose", "intended use", "用途", "功能", "功能用途"] },
  { key: "ingredients", type: "text", label: "Ingredients", labelZh: "配料成分", max: 5000, aliases: ["ingredients", "配料", "配料表", "成分表"] },
  { key: "origin_country", type: "country", label: "Country of origin", labelZh: "原产国", aliases: ["origin", "origin country", "country of origin", "coo", "made in", "原产国", "原产地", "原产国别", "产地"] },
  { key: "supplier", type: "text", label: "Supplier", labelZh: "供应商", max: 200, aliases: ["supplier", "vendor", "manufacturer", "factory", "供应商", "生产商", "厂家", "工厂", "生产厂家"] },
  { key: "net_weight_kg", type: "decimal", label: "Net weight per unit (kg)", labelZh: "单件净重(千克)", aliases: ["net weight", "net weight kg", "net wt", "nw", "净重", "净重kg", "单件净重", "净重千克"] },
  { key: "gross_weight_kg", type: "decimal", label: "Gross weight per unit (kg)", labelZh: "单件毛重(千克)", aliases: ["gross weight", "gross weight kg", "gross wt", "gw", "weight", "毛重", "毛重kg", "单件毛重", "毛重千克", "重量"] },
  { key: "dimensions", type: "dimensions", label: "Dimensions (L×W×H cm)", labelZh: "尺寸(长×宽×高 厘米)", aliases: ["dimensions", "size", "package size", "lxwxh", "尺寸", "包装尺寸", "长宽高"] },
  { key: "declared_unit_value", type: "decimal", label: "Declared unit value", labelZh: "申报单价", aliases: ["unit value", "declared value", "unit price", "price", "declared unit value", "申报单价", "单价", "申报价格", "价格"] },
  { key: "currency", type: "currency", label: "Currency", labelZh: "币制", aliases: ["currency", "curr", "币制", "币种", "货币"] },
  { key: "image_urls", type: "list", label: "Image URLs", labelZh: "图片链接", max: 4000, aliases: ["image", "images", "image url", "image urls", "picture", "图片", "图片链接", "主图"] },
  { key: "tags", type: "list", label: "Tags", labelZh: "标签", max: 1000, aliases: ["tags", "tag", "labels", "category", "标签", "分类", "类目"] },
  { key: "hs_code", type: "code", label: "HS / tariff code", labelZh: "HS编码", aliases: ["hs", "hs code", "hscode", "tariff code", "commodity code", "hs编码", "商品编码", "海关编码", "税则号", "税号"] },
  { key: "us_hts", type: "code", label: "US HTS code (10 digits)", labelZh: "美国HTS编码", aliases: ["hts", "hts code", "us hts", "htsus", "美国hts编码", "美国税号"] },
  { key: "cn_code", type: "code", label: "China commodity code (10 digits)", labelZh: "中国商品编码", aliases: ["cn code", "china hs", "china code", "中国商品编码", "中国海关编码", "国内商品编码"] },
  { key: "contains_battery", type: "boolean", label: "Contains lithium battery", labelZh: "含锂电池", aliases: ["contains battery", "battery", "lithium battery", "has battery", "含电池", "带电", "含锂电池", "是否带电"] },
  { key: "battery_form", type: "choice", choices: REGULATED_CHOICES.battery_form, label: "Battery: cell or pack", labelZh: "电池形态(电芯/电池组)", aliases: ["battery form", "cell or pack", "cell pack", "电池形态", "电芯或电池组", "电芯电池组"] },
  { key: "battery_chemistry", type: "choice", choices: REGULATED_CHOICES.battery_chemistry, label: "Battery chemistry (lithium-ion / lithium metal)", labelZh: "电池化学体系(锂离子/锂金属)", aliases: ["battery chemistry", "chemistry", "lithium type", "电池化学体系", "锂电池类型", "电池体系"] },
  { key: "battery_packing", type: "choice", choices: REGULATED_CHOICES.battery_packing, label: "Battery packing (alone / with / in equipment)", labelZh: "电池包装方式(单独/与设备同包/装在设备中)", aliases: ["battery packing", "battery packaging", "packed with equipment", "contained in equipment", "电池包装方式", "电池包装", "电池安装方式"] },
  { key: "battery_wh", type: "decimal", label: "Battery watt-hours", labelZh: "电池瓦时", aliases: ["battery wh", "watt hours", "wh", "瓦时", "电池瓦时", "电池容量wh"] },
  { key: "battery_type", type: "text", label: "Battery type / model (free text)", labelZh: "电池型号/说明", max: 200, aliases: ["battery type", "battery model", "电池类型", "电池种类", "电池型号"] },
  { key: "powered", type: "boolean", label: "Powered tool / electrical", labelZh: "电动/带电源", aliases: ["powered", "electric", "electrical", "电动", "带电源", "用电"] },
  { key: "radio_transmitter", type: "boolean", label: "Radio transmitter (Bluetooth, Wi-Fi…)", labelZh: "无线发射", aliases: ["radio", "wireless", "bluetooth", "wifi", "radio transmitter", "无线", "蓝牙", "无线发射"] },
  { key: "magnet", type: "boolean", label: "Contains magnet", labelZh: "含磁", aliases: ["magnet", "magnetic", "含磁", "带磁", "磁性"] },
  { key: "liquid", type: "boolean", label: "Liquid", labelZh: "液体", aliases: ["liquid", "液体", "含液体"] },
  { key: "pressure_vessel", type: "boolean", label: "Pneumatic / pressure vessel", labelZh: "气动/压力容器", aliases: ["pressure vessel", "pneumatic", "pressurised", "pressurized", "compressed gas", "压力容器", "气动", "高压气瓶"] },
  { key: "aerosol", type: "boolean", label: "Aerosol", labelZh: "气雾剂", aliases: ["aerosol", "spray can", "气雾剂", "喷雾罐"] },
  { key: "powder", type: "boolean", label: "Powder", labelZh: "粉末", aliases: ["powder", "粉末", "含粉末"] },
  { key: "wood_packaging", type: "boolean", label: "Wood packaging", labelZh: "木质包装", aliases: ["wood packaging", "wooden packaging", "木质包装", "木包装"] },
  { key: "ippc_mark", type: "boolean", label: "IPPC mark on wood packaging", labelZh: "IPPC标识", aliases: ["ippc", "ippc mark", "ippc标识", "熏蒸标识"] },
  { key: "food_contact", type: "boolean", label: "Food contact", labelZh: "食品接触", aliases: ["food contact", "食品接触", "接触食品"] },
  { key: "for_children", type: "boolean", label: "Intended for children", labelZh: "儿童用品", aliases: ["for children", "children", "kids", "children's product", "儿童用品", "儿童", "婴童"] },
  { key: "textile_construction", type: "choice", choices: REGULATED_CHOICES.textile_construction, label: "Textile construction (knit/woven)", labelZh: "织造方式(针织/梭织)", max: 40, aliases: ["knit or woven", "construction", "textile construction", "针织梭织", "织造方式", "针梭织"] },
  { key: "fibre", type: "text", label: "Main fibre", labelZh: "主要纤维", max: 120, aliases: ["fibre", "fiber", "main fibre", "纤维", "主要纤维"] },
];

/** The regulated-attribute fields, kept together in products.regulated. */
export const REGULATED_KEYS = [
  "contains_battery", "battery_form", "battery_chemistry", "battery_packing", "battery_wh", "battery_type", "powered", "pressure_vessel", "radio_transmitter", "magnet",
  "liquid", "aerosol", "powder", "wood_packaging", "ippc_mark", "food_contact", "for_children", "textile_construction", "fibre",
] as const;

/** A regulated attribute's key. */
export type RegulatedKey = (typeof REGULATED_KEYS)[number];

/** The battery details, which a product declared to contain no battery may not carry. */
export const BATTERY_DETAIL_KEYS = ["battery_form", "battery_chemistry", "battery_packing", "battery_wh", "battery_type"] as const;

/** A regulated attribute that contradicts another: where (its key) and why, in English and Chinese. */
export type RegulatedConflict = { key: RegulatedKey; reason: string; reasonZh: string };

/** Attributes that contradict each other: battery details on a product without a battery, an IPPC mark without wood packaging. */
export function regulatedConflicts(regulated: Record<string, unknown>): RegulatedConflict[] {
  const conflicts: RegulatedConflict[] = [];
  if (regulated.contains_battery === false) {
    for (const key of BATTERY_DETAIL_KEYS) {
      if (regulated[key] !== undefined) conflicts.push({ key, reason: "battery details need contains_battery to be yes", reasonZh: "填写电池信息时“含锂电池”须为是" });
    }
  }
  if (regulated.wood_packaging === false && regulated.ippc_mark === true) {
    conflicts.push({ key: "ippc_mark", reason: "an IPPC mark needs wood packaging", reasonZh: "有 IPPC 标识时须有木质包装" });
  }
  return conflicts;
}

/** A header reduced for matching: case, spaces, punctuation and full-width forms folded. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-./()（）:：#*]+/g, " ")
    .trim();
}

const ALIAS_INDEX = new Map<string, string>();
for (const field of PRODUCT_FIELDS) {
  for (const alias of [field.key, field.label, field.labelZh, ...field.aliases]) ALIAS_INDEX.set(normaliseHeader(alias), field.key);
}

/** The field a header maps to automatically, or null. */
export function fieldForHeader(header: string): string | null {
  return ALIAS_INDEX.get(normaliseHeader(header)) ?? null;
}

const SPEC_OF = new Map(PRODUCT_FIELDS.map((field) => [field.key, field]));

/** The spec of a field key. */
export function fieldSpec(key: string): FieldSpec | undefined {
  return SPEC_OF.get(key);
}
