import { htsUnitDimension } from "../units.ts";
import { show } from "./labels.ts";
import { finding, type LineRule } from "./types.ts";

/** QTY.NOT_POSITIVE: the quantity is zero or negative. */
export const qtyNotPositive: LineRule = {
  code: "QTY.NOT_POSITIVE",
  severity: "block",
  scope: "line",
  title: "Quantity not positive",
  titleZh: "数量不为正",
  checks: "The declared quantity is greater than zero.",
  checksZh: "检查申报数量大于零。",
  source: "China CEB qty; CBP entry line quantity",
  check(line, ctx) {
    if (line.qty === null || Number.isNaN(line.qty) || line.qty > 0) return;
    return [
      finding(this, ctx, line, "qty", {
        en: `Quantity is ${show(line.qty)}; it must be greater than 0.`,
        zh: `数量为 ${show(line.qty)}，必须大于 0。`,
        hint: "Declare the number of units shipped; remove the line if nothing ships.",
        hintZh: "请申报实际发运数量；如未发运请删除该行。",
      }, { qty: line.qty }),
    ];
  },
};

const DIMENSION_ZH = { count: "个数", pair: "双数", mass: "重量", volume: "体积", area: "面积", length: "长度", energy: "能量", other: "其他" } as const;

/** QTY.UNIT_MISMATCH: the declared unit measures something other than the tariff line's unit of quantity. */
export const qtyUnitMismatch: LineRule = {
  code: "QTY.UNIT_MISMATCH",
  severity: "block",
  scope: "line",
  title: "Unit differs from the tariff's unit of quantity",
  titleZh: "计量单位与税则法定单位不符",
  checks: "The declared unit measures the same thing (count, pairs, mass, volume, area, length) as the tariff line's first unit of quantity.",
  checksZh: "检查申报单位与税则行第一法定计量单位属于同一量纲（个数、双数、重量、体积、面积、长度）。",
  source: "HTSUS 'Unit of Quantity' column (USITC); CBP ACE line quantity in the HTS unit",
  check(line, ctx) {
    const tariffUnit = line.tariff?.units[0];
    if (!tariffUnit || !line.unit) return;
    const expected = htsUnitDimension(tariffUnit);
    if (!expected || expected === "other" || expected === line.unit.dimension) return;
    if (expected === "count" && line.unit.dimension === "pair") return;
    return [
      finding(this, ctx, line, "unit", {
        en: `Declared in ${line.values.unit} (${line.unit.dimension}) but ${line.tariff?.code} is reported in ${tariffUnit} (${expected}).`,
        zh: `申报单位 ${line.values.unit}（${DIMENSION_ZH[line.unit.dimension]}）与 ${line.tariff?.code} 的法定单位 ${tariffUnit}（${DIMENSION_ZH[expected]}）不符。`,
        hint: `Report the quantity in ${tariffUnit}${expected === "mass" && line.netWeightKg ? ` (net weight on the line: ${show(line.netWeightKg)} kg)` : ""}.`,
        hintZh: `请按 ${tariffUnit} 申报数量${expected === "mass" && line.netWeightKg ? `（该行净重 ${show(line.netWeightKg)} 千克）` : ""}。`,
      }, { declaredUnit: line.values.unit, declaredDimension: line.unit.dimension, tariffCode: line.tariff?.code, tariffUnits: line.tariff?.units }),
    ];
  },
};

/** VALUE.NOT_POSITIVE: the unit value is zero or negative. */
export const valueNotPositive: LineRule = {
  code: "VALUE.NOT_POSITIVE",
  severity: "warn",
  scope: "line",
  title: "Unit value not positive",
  titleZh: "单价不为正",
  checks: "The unit value is greater than zero (a free gift must still be declared, at 0 only where the lane allows it).",
  checksZh: "检查单价大于零（赠品仅在通道允许时按 0 申报）。",
  source: "China CEB311 gifts at price 0 (formats.md A.7); customs valuation",
  check(line, ctx) {
    if (line.unitValue === null || Number.isNaN(line.unitValue) || line.unitValue > 0) return;
    return [
      finding(this, ctx, line, "unit_value", {
        en: `Unit value is ${show(line.unitValue)}.`,
        zh: `单价为 ${show(line.unitValue)}。`,
        hint: "Declare the transaction value per unit; mark gifts as such in the title.",
        hintZh: "请申报每单位成交价格；赠品请在品名中注明。",
      }, { unitValue: line.unitValue }),
    ];
  },
};

/** TOTAL.LINE_MISMATCH: the line total is not quantity × unit value. */
export const lineTotalMismatch: LineRule = {
  code: "TOTAL.LINE_MISMATCH",
  severity: "block",
  scope: "line",
  title: "Line total ≠ quantity × unit value",
  titleZh: "总价不等于数量×单价",
  checks: "Where a line total is given, it equals quantity × unit value within the pack's money tolerance.",
  checksZh: "填写总价时，检查总价等于数量×单价（在规则包的金额容差内）。",
  source: "China CEB totalPrice = qty × price (formats.md A.4)",
  check(line, ctx) {
    const { qty, unitValue, lineTotal } = line;
    if (qty === null || unitValue === null || lineTotal === null || Number.isNaN(qty) || Number.isNaN(unitValue) || Number.isNaN(lineTotal)) return;
    const expected = qty * unitValue;
    if (Math.abs(expected - lineTotal) <= ctx.data.moneyTolerance) return;
    return [
      finding(this, ctx, line, "line_total", {
        en: `Line total ${show(lineTotal)} ≠ ${show(qty)} × ${show(unitValue)} = ${show(expected)}.`,
        zh: `总价 ${show(lineTotal)} ≠ ${show(qty)} × ${show(unitValue)} = ${show(expected)}。`,
        hint: "Correct the quantity, the unit value or the total so that they agree.",
        hintZh: "请修正数量、单价或总价，使三者一致。",
      }, { qty, unitValue, lineTotal, expected: Math.round(expected * 100000) / 100000 }),
    ];
  },
};

/** WEIGHT.NET_EXCEEDS_GROSS: net weight above gross weight on a line. */
export const netExceedsGross: LineRule = {
  code: "WEIGHT.NET_EXCEEDS_GROSS",
  severity: "block",
  scope: "line",
  title: "Net weight exceeds gross weight",
  titleZh: "净重大于毛重",
  checks: "On each line the net weight is not greater than the gross weight.",
  checksZh: "检查每行净重不大于毛重。",
  source: "China CEB grossWeight/netWeight; customs logical check",
  check(line, ctx) {
    const { netWeightKg: net, grossWeightKg: gross } = line;
    if (net === null || gross === null || Number.isNaN(net) || Number.isNaN(gross) || net <= gross) return;
    return [
      finding(this, ctx, line, "net_weight_kg", {
        en: `Net weight ${show(net)} kg is more than gross weight ${show(gross)} kg.`,
        zh: `净重 ${show(net)} 千克大于毛重 ${show(gross)} 千克。`,
        hint: "Gross weight includes packing; check whether the two columns are swapped.",
        hintZh: "毛重包含包装重量；请检查两列是否填反。",
      }, { netWeightKg: net, grossWeightKg: gross }),
    ];
  },
};

/** The quantity, value and weight rules over a line, in catalogue order. */
export const QUANTITY_RULES: LineRule[] = [qtyNotPositive, qtyUnitMismatch, valueNotPositive, lineTotalMismatch, netExceedsGross];
