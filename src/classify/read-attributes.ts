// Marketplace item specifics are half noise: every AliExpress listing says "Origin: Mainland China" (and "china" is porcelain
// to the schedule), "Brand Name: NoEnName_Null", a model number and a certification. The key says what a value is worth, so
// each attribute is read by the role of its key: dropped, the kind of goods, its material, its wearer, its construction, its
// power, what it serves, or anything else.

/** What an attribute's key says its value is. */
export type AttributeRole = "ignore" | "kind" | "material" | "upper" | "sole" | "lining" | "minor" | "gender" | "construction" | "power" | "grade" | "use" | "other";

/** One attribute as the engine reads it. */
export type ReadAttribute = { key: string; role: AttributeRole; value: string };

const ROLES: readonly [AttributeRole, RegExp][] = [
  [
    "ignore",
    /^(?:brand|brandname|品牌|origin|placeoforigin|countryoforigin|countryregionoforigin|madein|cn|产地|发货地|省份|城市|model|modelnumber|modelno|型号|货号|款号|certification|certificate|certifications|认证|3c|hignconcernedchemical|highconcernedchemical|iscustomized|customized|是否定制|sku|upc|ean|gtin|mpn|asin|warranty|保修期|colou?rs?|colou?rname|颜色|颜色分类|size|sizes|尺码|尺寸|itemweight|weight|netweight|重量|净含量|dimensions|productdimensions|packagedimensions|itemdimensions|quantity|数量|packagequantity|unitcount|releasedate|上市时间|上市年份季节|年份季节|season|季节|manufacturer|生产企业|厂名|厂址|supplier|moq|minimumorder|shipping|price|价格|condition|listingid|itemid|marca|cor|origen|origem|paisdeorigen|paisdeorigem|talla|tamano|tamanho|modelo|peso|pesototal|pesoneto|cantidad|cantidaddepiezas|quantidade|unidadesporkit|unidadesporpaquete|garantia|dimensiones|dimensoes|capacidad|capacidade|diametro|largo|ancho|alto)$/,
  ],
  [
    "kind",
    /^(?:itemtype|producttype|type|typeofitem|productname|itemname|name|goods|品名|名称|产品名称|商品名称|类型|产品类型|品类|类别|款式类型|clothingtype|garmenttype|bagtype|bagstype|handbagstype|shoetype|shoestype|toytype|jewelrytype|jewellerytype)$/,
  ],
  ["upper", /^(?:uppermaterial|upper|帮面材质|鞋面材质|鞋面材料)$/],
  ["lining", /^(?:liningmaterial|lining|insolematerial|insole|innermaterial|fillingmaterial|filling|内里材质|里料|鞋垫材质|填充物)$/],
  [
    "minor",
    /^(?:earringback|earringbacks|backing|clasp|clasps|clasptype|claspmaterial|扣头|扣头材质|耳针材质|耳针|耳钩材质|耳堵材质|buckle|bucklematerial|buckletype|closuretype|closure|hook|hooks|hookmaterial|findings|chainmaterial|配件材质|拉链材质)$/,
  ],
  ["sole", /^(?:outsolematerial|outsole|solematerial|sole|outersole|materialdelasuela|materialdesuela|materialdosolado|suela|solado|鞋底材质|外底材质|大底材质)$/],
  [
    "material",
    /^(?:material|materials|mainmaterial|materialtype|materialcomposition|composition|fabric|fabrics|fabriccontent|fibre|fiber|fibrecontent|fibercontent|shellmaterial|shell|outershell|outermaterial|bodymaterial|framematerial|casematerial|metal|metals|metaltype|metalstype|bandmaterial|bandmaterialtype|strapmaterial|materialexterior|materialprincipal|materialdelmarco|materialdaestrutura|composicion|composicao|tejido|tecido|materiais|materiales|材质|主材质|主要材质|材料|面料|面料材质|主面料|面料成分|材质成分|材料成分|成分|成分含量|外层材质|表面材质|外壳材质)$/,
  ],
  ["gender", /^(?:gender|sex|genero|sexo|性别|适用性别|departmentname|department|适用人群|audience|targetaudience|targetgender)$/],
  ["construction", /^(?:fabrictype|tipodetela|tipodetecido|technics|工艺|织造方法|织法|construction|knit|knitorwoven|knitwoven|weave|weavetype)$/],
  ["power", /^(?:power|powersource|tipodealimentacion|alimentacion|alimentacao|fontedealimentacao|tipodealimentacao|potencia|voltaje|voltagem|powersupply|电源|供电方式|电源方式|energy|batteryincluded|batteries|batterytype|voltage|电压|wattage|功率|ratedpower|额定功率)$/],
  ["grade", /^(?:fineorfashion|finefashion|jewelrygrade)$/],
  [
    "use",
    /^(?:use|usage|uses|uso|usos|aplicacion|aplicacao|application|applications|applicable|applicablescene|scene|scenario|suitablefor|用途|适用场景|适用对象|使用场景|compatiblemodel|compatiblemodels|compatiblebrand|compatibledevices|compatiblephonemodel|适用型号|适用机型|适用车型|vehiclemake|carmake|fitment)$/,
  ],
];

/** Values that say nothing about the goods. */
const NOISE_VALUE = /^(?:none|null|no|yes|n\/?a|na|other|others|unbranded|generic|noenname_?null|nonename|unknown|其他|其它|无|否|是|不详|见描述|详见描述)$/i;

/** A key folded to lower-case letters, digits and Chinese only: "Brand Name", "brand_name" and "Shape\pattern" each read one way. */
export function foldAttributeKey(key: string): string {
  return key
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff]/g, "");
}

/** The role an attribute key gives its value. */
export function attributeRole(key: string): AttributeRole {
  const folded = foldAttributeKey(key);
  for (const [role, pattern] of ROLES) if (pattern.test(folded)) return role;
  return "other";
}

/** The attributes worth reading, each with its folded key and role; empty and noise values are left out. */
export function readAttributes(attributes: Record<string, string | number | boolean | null | undefined> | undefined): ReadAttribute[] {
  const read: ReadAttribute[] = [];
  for (const [key, raw] of Object.entries(attributes ?? {})) {
    if (raw === null || raw === undefined || typeof raw === "boolean") continue;
    const value = String(raw).normalize("NFKC").trim();
    if (!value || NOISE_VALUE.test(value)) continue;
    const role = attributeRole(key);
    if (role !== "ignore") read.push({ key: foldAttributeKey(key), role, value });
  }
  return read;
}
