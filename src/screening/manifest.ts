/** The lanes a manifest can be screened for: which customs regime will see it. */
export const LANES = ["cn-export", "cn-import", "us-import", "eu-import"] as const;
/** A screening lane. */
export type Lane = (typeof LANES)[number];

/** Where in the manifest model a field belongs. */
export type FieldLevel = "order" | "payment" | "waybill" | "party" | "transport" | "item";

/** A canonical manifest column: its key, labels, the header names that map to it, and its level. */
export type ManifestFieldSpec = { key: string; level: FieldLevel; label: string; labelZh: string; aliases: string[]; max: number; kind: "text" | "decimal" | "integer" | "country" | "currency" | "port" | "unit" | "code" | "date" };

/** One row per item; order, waybill, party and transport fields repeat on every item of the order. */
export const MANIFEST_FIELDS: readonly ManifestFieldSpec[] = [
  { key: "order_no", level: "order", kind: "text", max: 60, label: "Order number", labelZh: "订单编号", aliases: ["order", "order id", "order number", "订单号", "订单编号", "电商订单号", "orderno"] },
  { key: "order_date", level: "order", kind: "date", max: 20, label: "Order date", labelZh: "下单日期", aliases: ["order date", "order time", "下单日期", "下单时间", "订单日期"] },
  { key: "order_total", level: "order", kind: "decimal", max: 24, label: "Order total (actually paid)", labelZh: "订单实付金额", aliases: ["order total", "total paid", "amount paid by buyer", "actual paid", "acturalpaid", "实付金额", "订单总额", "订单实付金额", "实际支付金额"] },
  { key: "goods_value", level: "order", kind: "decimal", max: 24, label: "Goods value of the order", labelZh: "商品价格合计", aliases: ["goods value", "goodsvalue", "商品价格", "商品总价", "商品价格合计", "货值"] },
  { key: "freight", level: "order", kind: "decimal", max: 24, label: "Freight", labelZh: "运杂费", aliases: ["freight", "shipping", "shipping fee", "运费", "运杂费"] },
  { key: "insured_fee", level: "order", kind: "decimal", max: 24, label: "Insurance", labelZh: "保价费", aliases: ["insurance", "insured fee", "insuredfee", "保费", "保价费"] },
  { key: "tax_total", level: "order", kind: "decimal", max: 24, label: "Tax withheld", labelZh: "代扣税款", aliases: ["tax", "tax total", "taxtotal", "代扣税款", "税款"] },
  { key: "discount", level: "order", kind: "decimal", max: 24, label: "Discount (non-cash)", labelZh: "非现金抵扣金额", aliases: ["discount", "非现金抵扣金额", "优惠金额", "折扣"] },
  { key: "buyer_name", level: "order", kind: "text", max: 60, label: "Buyer name", labelZh: "订购人姓名", aliases: ["buyer", "buyer name", "buyername", "订购人", "订购人姓名", "购买人"] },
  { key: "buyer_id_no", level: "order", kind: "text", max: 60, label: "Buyer ID number", labelZh: "订购人证件号码", aliases: ["buyer id", "buyer id no", "buyer id number", "buyeridnumber", "订购人证件号码", "身份证号", "订购人身份证号"] },
  { key: "buyer_phone", level: "order", kind: "text", max: 30, label: "Buyer telephone", labelZh: "订购人电话", aliases: ["buyer phone", "buyer telephone", "buyertelephone", "订购人电话"] },
  { key: "ioss_no", level: "order", kind: "text", max: 20, label: "IOSS number", labelZh: "IOSS编号", aliases: ["ioss", "ioss no", "ioss number", "ioss编号"] },
  { key: "payment_no", level: "payment", kind: "text", max: 60, label: "Payment transaction number", labelZh: "支付交易编号", aliases: ["payment no", "payment id", "pay transaction id", "paytransactionid", "支付交易编号", "支付单号", "支付流水号"] },
  { key: "payment_amount", level: "payment", kind: "decimal", max: 24, label: "Amount paid (payment voucher)", labelZh: "支付金额", aliases: ["payment amount", "amount paid", "amountpaid", "支付金额"] },
  { key: "payer_name", level: "payment", kind: "text", max: 60, label: "Payer name", labelZh: "支付人姓名", aliases: ["payer", "payer name", "payername", "支付人", "支付人姓名"] },
  { key: "payer_id_no", level: "payment", kind: "text", max: 60, label: "Payer ID number", labelZh: "支付人证件号码", aliases: ["payer id", "payer id no", "payeridnumber", "支付人证件号码"] },
  { key: "waybill_no", level: "waybill", kind: "text", max: 80, label: "Waybill (parcel) number", labelZh: "物流运单编号", aliases: ["waybill", "waybill no", "tracking no", "tracking number", "parcel no", "logistics no", "logisticsno", "hawb", "house bill", "运单号", "物流运单编号", "快递单号", "分运单号"] },
  { key: "bill_no", level: "transport", kind: "text", max: 37, label: "Master bill", labelZh: "提运单号", aliases: ["bill", "bill no", "master bill", "mawb", "mbl", "billno", "提运单号", "总运单号", "主单号"] },
  { key: "waybill_gross_weight_kg", level: "waybill", kind: "decimal", max: 24, label: "Parcel gross weight (kg)", labelZh: "包裹毛重(千克)", aliases: ["parcel gross weight", "parcel weight", "package gross weight", "包裹毛重", "运单毛重"] },
  { key: "waybill_net_weight_kg", level: "waybill", kind: "decimal", max: 24, label: "Parcel net weight (kg)", labelZh: "包裹净重(千克)", aliases: ["parcel net weight", "package net weight", "包裹净重", "运单净重"] },
  { key: "consignor_name", level: "party", kind: "text", max: 100, label: "Consignor", labelZh: "发货人", aliases: ["consignor", "shipper", "shipper name", "seller", "sender", "发货人", "发件人", "发货人名称", "电商企业名称"] },
  { key: "consignor_country", level: "party", kind: "country", max: 3, label: "Consignor country", labelZh: "发货人国家", aliases: ["shipper country", "sender country", "发货人国家", "发件人国家", "发货国"] },
  { key: "consignor_address", level: "party", kind: "text", max: 200, label: "Consignor address", labelZh: "发货人地址", aliases: ["shipper address", "sender address", "发货人地址", "发件人地址"] },
  { key: "consignee_name", level: "party", kind: "text", max: 100, label: "Consignee", labelZh: "收货人", aliases: ["consignee", "receiver", "recipient", "收货人", "收件人", "收货人姓名"] },
  { key: "consignee_address", level: "party", kind: "text", max: 200, label: "Consignee address", labelZh: "收货人地址", aliases: ["receiver address", "recipient address", "shipping address", "收货人地址", "收件人地址", "收货地址"] },
  { key: "consignee_country", level: "party", kind: "country", max: 3, label: "Consignee country", labelZh: "收货人国家", aliases: ["destination country", "receiver country", "ship to country", "收货人国家", "目的国", "收件人国家", "运抵国"] },
  { key: "consignee_phone", level: "party", kind: "text", max: 30, label: "Consignee telephone", labelZh: "收货人电话", aliases: ["receiver phone", "recipient phone", "consignee telephone", "收货人电话", "收件人电话"] },
  { key: "manufacturer_name", level: "party", kind: "text", max: 100, label: "Manufacturer", labelZh: "生产商", aliases: ["manufacturer", "producer", "factory", "生产商", "生产企业", "生产销售企业"] },
  { key: "manufacturer_country", level: "party", kind: "country", max: 3, label: "Manufacturer country", labelZh: "生产商国家", aliases: ["manufacturer country", "生产商国家"] },
  { key: "transport_mode", level: "transport", kind: "text", max: 10, label: "Transport mode", labelZh: "运输方式", aliases: ["mode", "transport", "traf mode", "trafmode", "运输方式"] },
  { key: "voyage_no", level: "transport", kind: "text", max: 32, label: "Voyage / flight", labelZh: "航班航次号", aliases: ["voyage", "flight", "flight no", "voyage no", "voyageno", "航次", "航班号", "航班航次号"] },
  { key: "port_of_loading", level: "transport", kind: "port", max: 5, label: "Port of loading (UN/LOCODE)", labelZh: "装货港", aliases: ["pol", "loading port", "port of loading", "装货港", "起运港", "启运港"] },
  { key: "port_of_discharge", level: "transport", kind: "port", max: 5, label: "Port of discharge (UN/LOCODE)", labelZh: "卸货港", aliases: ["pod", "discharge port", "port of discharge", "卸货港", "目的港", "指运港"] },
  { key: "customs_code", level: "transport", kind: "text", max: 4, label: "Customs office (China, 4 digits)", labelZh: "申报海关", aliases: ["customs code", "customscode", "申报海关", "申报地海关", "主管海关"] },
  { key: "container_no", level: "transport", kind: "text", max: 11, label: "Container number", labelZh: "集装箱号", aliases: ["container", "container no", "container number", "集装箱号", "箱号"] },
  { key: "seal_no", level: "transport", kind: "text", max: 20, label: "Seal number", labelZh: "封志号", aliases: ["seal", "seal no", "seal number", "铅封号", "封志号", "关封号"] },
  { key: "sku", level: "item", kind: "text", max: 64, label: "SKU", labelZh: "商品货号", aliases: ["item sku", "seller sku", "item no", "itemno", "item code", "product code", "货号", "商品货号", "企业商品货号", "商品编号"] },
  { key: "title", level: "item", kind: "text", max: 250, label: "Item title", labelZh: "商品名称", aliases: ["item name", "product name", "description", "goods description", "gname", "item title", "品名", "商品名称", "货物名称", "申报品名"] },
  { key: "hs_code", level: "item", kind: "code", max: 13, label: "HS / tariff code", labelZh: "商品编码", aliases: ["hs", "hscode", "hts", "hts code", "tariff code", "commodity code", "gcode", "hs编码", "商品编码", "海关编码", "税号"] },
  { key: "qty", level: "item", kind: "decimal", max: 24, label: "Quantity", labelZh: "数量", aliases: ["quantity", "qty", "pcs", "数量", "申报数量"] },
  { key: "unit", level: "item", kind: "unit", max: 10, label: "Unit", labelZh: "计量单位", aliases: ["uom", "unit of measure", "unit", "单位", "计量单位", "申报计量单位"] },
  { key: "unit_value", level: "item", kind: "decimal", max: 24, label: "Unit value", labelZh: "单价", aliases: ["unit price", "price", "declared unit value", "单价", "申报单价", "price per unit"] },
  { key: "line_total", level: "item", kind: "decimal", max: 24, label: "Line total", labelZh: "总价", aliases: ["total price", "line value", "item total", "总价", "申报总价", "totalprice"] },
  { key: "currency", level: "item", kind: "currency", max: 3, label: "Currency", labelZh: "币制", aliases: ["curr", "currency code", "币制", "币种"] },
  { key: "origin_country", level: "item", kind: "country", max: 3, label: "Country of origin", labelZh: "原产国", aliases: ["origin", "coo", "country of origin", "made in", "原产国", "原产地", "原产国(地区)"] },
  { key: "net_weight_kg", level: "item", kind: "decimal", max: 24, label: "Net weight (kg)", labelZh: "净重(千克)", aliases: ["net weight", "net wt", "nw", "net weight kg", "净重", "净重kg"] },
  { key: "gross_weight_kg", level: "item", kind: "decimal", max: 24, label: "Gross weight (kg)", labelZh: "毛重(千克)", aliases: ["gross weight", "gross wt", "gw", "gross weight kg", "毛重", "毛重kg"] },
  { key: "barcode", level: "item", kind: "text", max: 50, label: "Barcode", labelZh: "条码", aliases: ["barcode", "bar code", "ean", "upc", "条码", "条形码"] },
];

/** Every canonical field key, in the order of MANIFEST_FIELDS. */
export const FIELD_KEYS: readonly string[] = MANIFEST_FIELDS.map((f) => f.key);

/** A manifest line's canonical fields as text ('' when the source has no value). */
export type LineValues = Record<string, string>;

/** The kinds of source a manifest can come from. */
export type SourceKind = "csv" | "xlsx" | "json" | "ceb603" | "ceb621";

/** One item line as read from the source, before enrichment: its position in the source and its canonical values. */
export type SourceLine = { line: number; values: LineValues };
