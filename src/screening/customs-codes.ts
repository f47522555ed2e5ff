// China customs 3-digit codes (JGS-20 code set) used by the CEB messages for country, currency and unit of measure.
//
// Verified against public code in the stored GitHub index (not written from memory):
// - Countries (3-digit code -> Chinese name): sunny201528/zwy src/main/java/com/xgs/zwy/constant/Constants.java (COUNTRY map),
//   cross-checked against two more lists whose repository the index could not name: a Java enum `com.ruoyi.yz.enums.Currency`
//   (a country list despite its name: code, Chinese and English name, 3-letter key) and a PHP array of `'id' => code, 'cn', 'en'`.
//   Codes 259 and 357-359 appear only in the ruoyi enum (and 259 also in zwy); the PHP and zwy lists predate them.
//   Chinese name -> ISO 3166 alpha-2: LeaderrunTeam/docs-app docs/basic-data-country.md (Chinese name, alpha-3, alpha-2) and
//   Chen896/chen php_demo/country_code_ios3166.md (alpha-2, alpha-3, numeric).
//   Left out because no ISO alpha-2 could be verified: regional "other" codes (199, 299, 399, 499, 599, 699), 701 unknown,
//   702 UN bodies, 999 neutral packaging, 207 Canary Is, 210 Ceuta, 256 Melilla, 349 Serbia and Montenegro (withdrawn),
//   409 Bonaire, 417 Curacao, 436 Saba, 438 Saint Martin (French or Dutch part not stated), 449 Netherlands Antilles (withdrawn),
//   604/605/612/615/616 (parts of French Polynesia), and 341/342/345/346/348, which older lists repeat for Central Asian states.
// - Currencies: wuyazhi/PROJECT src/main/java/com/pay/eport/enums/CustomsCurrencyCodeEnum.java, cross-checked against a second
//   Java `Currency` enum (code, Chinese name) whose repository the index could not name; the two agree on all 22 codes below.
//   Left out: 133 (KRW is commented out in the first list and missing from the second) and 398 (记帐瑞士法郎, not an ISO currency).
// - Units (code -> Chinese name): ryanrong95/HXT BvnErp.Chains_SIT/Needs.Chain.Customs.Services/Enums/DeclarationBase.cs
//   (enum BaseUnit), with 120-163 cross-checked against the ruoyi `Unit` enum. The English names are our own translations.

/** China customs country code -> ISO 3166-1 alpha-2. */
// biome-ignore format: a dense code table reads better ten codes to a line
export const CN_CUSTOMS_COUNTRIES: Readonly<Record<string, string>> = Object.freeze({
  // Asia
  "101": "AF", "102": "BH", "103": "BD", "104": "BT", "105": "BN", "106": "MM", "107": "KH", "108": "CY", "109": "KP", "110": "HK",
  "111": "IN", "112": "ID", "113": "IR", "114": "IQ", "115": "IL", "116": "JP", "117": "JO", "118": "KW", "119": "LA", "120": "LB",
  "121": "MO", "122": "MY", "123": "MV", "124": "MN", "125": "NP", "126": "OM", "127": "PK", "128": "PS", "129": "PH", "130": "QA",
  "131": "SA", "132": "SG", "133": "KR", "134": "LK", "135": "SY", "136": "TH", "137": "TR", "138": "AE", "139": "YE", "141": "VN",
  "142": "CN", "143": "TW", "144": "TL", "145": "KZ", "146": "KG", "147": "TJ", "148": "TM", "149": "UZ",
  // Africa
  "201": "DZ", "202": "AO", "203": "BJ", "204": "BW", "205": "BI", "206": "CM", "208": "CV", "209": "CF", "211": "TD", "212": "KM",
  "213": "CG", "214": "DJ", "215": "EG", "216": "GQ", "217": "ET", "218": "GA", "219": "GM", "220": "GH", "221": "GN", "222": "GW",
  "223": "CI", "224": "KE", "225": "LR", "226": "LY", "227": "MG", "228": "MW", "229": "ML", "230": "MR", "231": "MU", "232": "MA",
  "233": "MZ", "234": "NA", "235": "NE", "236": "NG", "237": "RE", "238": "RW", "239": "ST", "240": "SN", "241": "SC", "242": "SL",
  "243": "SO", "244": "ZA", "245": "EH", "246": "SD", "247": "TZ", "248": "TG", "249": "TN", "250": "UG", "251": "BF", "252": "CD",
  "253": "ZM", "254": "ZW", "255": "LS", "257": "SZ", "258": "ER", "259": "YT",
  // Europe
  "301": "BE", "302": "DK", "303": "GB", "304": "DE", "305": "FR", "306": "IE", "307": "IT", "308": "LU", "309": "NL", "310": "GR",
  "311": "PT", "312": "ES", "313": "AL", "314": "AD", "315": "AT", "316": "BG", "318": "FI", "320": "GI", "321": "HU", "322": "IS",
  "323": "LI", "324": "MT", "325": "MC", "326": "NO", "327": "PL", "328": "RO", "329": "SM", "330": "SE", "331": "CH", "334": "EE",
  "335": "LV", "336": "LT", "337": "GE", "338": "AM", "339": "AZ", "340": "BY", "343": "MD", "344": "RU", "347": "UA", "350": "SI",
  "351": "HR", "352": "CZ", "353": "SK", "354": "MK", "355": "BA", "356": "VA", "357": "FO", "358": "RS", "359": "ME",
  // Latin America
  "401": "AG", "402": "AR", "403": "AW", "404": "BS", "405": "BB", "406": "BZ", "408": "BO", "410": "BR", "411": "KY", "412": "CL",
  "413": "CO", "414": "DM", "415": "CR", "416": "CU", "418": "DO", "419": "EC", "420": "GF", "421": "GD", "422": "GP", "423": "GT",
  "424": "GY", "425": "HT", "426": "HN", "427": "JM", "428": "MQ", "429": "MX", "430": "MS", "431": "NI", "432": "PA", "433": "PY",
  "434": "PE", "435": "PR", "437": "LC", "439": "VC", "440": "SV", "441": "SR", "442": "TT", "443": "TC", "444": "UY", "445": "VE",
  "446": "VG", "447": "KN", "448": "PM",
  // North America
  "501": "CA", "502": "US", "503": "GL", "504": "BM",
  // Oceania
  "601": "AU", "602": "CK", "603": "FJ", "606": "NR", "607": "NC", "608": "VU", "609": "NZ", "610": "NF", "611": "PG", "613": "SB",
  "614": "TO", "617": "WS", "618": "KI", "619": "TV", "620": "FM", "621": "MH", "622": "PW", "623": "PF", "625": "WF",
});

/** China customs currency code -> ISO 4217 alpha code. */
// biome-ignore format: a dense code table reads better ten codes to a line
export const CN_CUSTOMS_CURRENCIES: Readonly<Record<string, string>> = Object.freeze({
  "110": "HKD", "113": "IRR", "116": "JPY", "118": "KWD", "121": "MOP", "122": "MYR", "127": "PKR", "129": "PHP", "132": "SGD", "136": "THB",
  "142": "CNY", "143": "TWD", "300": "EUR", "302": "DKK", "303": "GBP", "326": "NOK", "330": "SEK", "331": "CHF", "501": "CAD", "502": "USD",
  "601": "AUD", "609": "NZD",
});

/** China customs unit-of-measure code -> its Chinese name and an English rendering. */
export const CN_CUSTOMS_UNITS: Readonly<Record<string, { zh: string; en: string }>> = Object.freeze({
  "001": { zh: "台", en: "unit (machine)" },
  "002": { zh: "座", en: "seat (structure)" },
  "003": { zh: "辆", en: "vehicle" },
  "004": { zh: "艘", en: "vessel" },
  "005": { zh: "架", en: "frame (aircraft)" },
  "006": { zh: "套", en: "set" },
  "007": { zh: "个", en: "each" },
  "008": { zh: "只", en: "each (zhi)" },
  "009": { zh: "头", en: "head" },
  "010": { zh: "张", en: "sheet" },
  "011": { zh: "件", en: "piece" },
  "012": { zh: "支", en: "stick" },
  "013": { zh: "枝", en: "stem" },
  "014": { zh: "根", en: "rod" },
  "015": { zh: "条", en: "strip" },
  "016": { zh: "把", en: "handle" },
  "017": { zh: "块", en: "block" },
  "018": { zh: "卷", en: "roll" },
  "019": { zh: "副", en: "pair (set)" },
  "020": { zh: "片", en: "slice" },
  "021": { zh: "组", en: "group" },
  "022": { zh: "份", en: "portion" },
  "023": { zh: "幅", en: "panel" },
  "025": { zh: "双", en: "pair" },
  "026": { zh: "对", en: "couple" },
  "027": { zh: "棵", en: "tree" },
  "028": { zh: "株", en: "plant" },
  "029": { zh: "井", en: "well" },
  "030": { zh: "米", en: "metre" },
  "031": { zh: "盘", en: "reel" },
  "032": { zh: "平方米", en: "square metre" },
  "033": { zh: "立方米", en: "cubic metre" },
  "034": { zh: "筒", en: "tube" },
  "035": { zh: "千克", en: "kilogram" },
  "036": { zh: "克", en: "gram" },
  "037": { zh: "盆", en: "pot" },
  "038": { zh: "万个", en: "ten thousand each" },
  "039": { zh: "具", en: "apparatus" },
  "040": { zh: "百副", en: "hundred pairs (sets)" },
  "041": { zh: "百支", en: "hundred sticks" },
  "042": { zh: "百把", en: "hundred handles" },
  "043": { zh: "百个", en: "hundred each" },
  "044": { zh: "百片", en: "hundred slices" },
  "045": { zh: "刀", en: "quire" },
  "046": { zh: "疋", en: "bolt" },
  "047": { zh: "公担", en: "quintal" },
  "048": { zh: "扇", en: "leaf (door, window)" },
  "049": { zh: "百枝", en: "hundred stems" },
  "050": { zh: "千只", en: "thousand each (zhi)" },
  "051": { zh: "千块", en: "thousand blocks" },
  "052": { zh: "千盒", en: "thousand boxes" },
  "053": { zh: "千枝", en: "thousand stems" },
  "054": { zh: "千个", en: "thousand each" },
  "055": { zh: "亿支", en: "hundred million sticks" },
  "056": { zh: "亿个", en: "hundred million each" },
  "057": { zh: "万套", en: "ten thousand sets" },
  "058": { zh: "千张", en: "thousand sheets" },
  "059": { zh: "万张", en: "ten thousand sheets" },
  "060": { zh: "千伏安", en: "kilovolt-ampere" },
  "061": { zh: "千瓦", en: "kilowatt" },
  "062": { zh: "千瓦时", en: "kilowatt-hour" },
  "063": { zh: "千升", en: "kilolitre" },
  "067": { zh: "英尺", en: "foot" },
  "070": { zh: "吨", en: "tonne" },
  "071": { zh: "长吨", en: "long ton" },
  "072": { zh: "短吨", en: "short ton" },
  "073": { zh: "司马担", en: "picul" },
  "074": { zh: "司马斤", en: "catty" },
  "075": { zh: "斤", en: "jin" },
  "076": { zh: "磅", en: "pound" },
  "077": { zh: "担", en: "dan" },
  "078": { zh: "英担", en: "long hundredweight" },
  "079": { zh: "短担", en: "short hundredweight" },
  "080": { zh: "两", en: "liang" },
  "081": { zh: "市担", en: "shi dan" },
  "083": { zh: "盎司", en: "ounce" },
  "084": { zh: "克拉", en: "carat" },
  "085": { zh: "市尺", en: "chi" },
  "086": { zh: "码", en: "yard" },
  "088": { zh: "英寸", en: "inch" },
  "089": { zh: "寸", en: "cun" },
  "095": { zh: "升", en: "litre" },
  "096": { zh: "毫升", en: "millilitre" },
  "097": { zh: "英加仑", en: "imperial gallon" },
  "098": { zh: "美加仑", en: "US gallon" },
  "099": { zh: "立方英尺", en: "cubic foot" },
  "101": { zh: "立方尺", en: "cubic chi" },
  "110": { zh: "平方码", en: "square yard" },
  "111": { zh: "平方英尺", en: "square foot" },
  "112": { zh: "平方尺", en: "square chi" },
  "115": { zh: "英制马力", en: "imperial horsepower" },
  "116": { zh: "公制马力", en: "metric horsepower" },
  "118": { zh: "令", en: "ream" },
  "120": { zh: "箱", en: "case" },
  "121": { zh: "批", en: "batch" },
  "122": { zh: "罐", en: "can" },
  "123": { zh: "桶", en: "barrel" },
  "124": { zh: "扎", en: "bundle" },
  "125": { zh: "包", en: "pack" },
  "126": { zh: "箩", en: "basket (luo)" },
  "127": { zh: "打", en: "dozen" },
  "128": { zh: "筐", en: "basket (kuang)" },
  "129": { zh: "罗", en: "gross" },
  "130": { zh: "匹", en: "bolt (pi)" },
  "131": { zh: "册", en: "volume" },
  "132": { zh: "本", en: "copy" },
  "133": { zh: "发", en: "round" },
  "134": { zh: "枚", en: "each (mei)" },
  "135": { zh: "捆", en: "bale" },
  "136": { zh: "袋", en: "bag" },
  "139": { zh: "粒", en: "grain" },
  "140": { zh: "盒", en: "box" },
  "141": { zh: "合", en: "case (he)" },
  "142": { zh: "瓶", en: "bottle" },
  "143": { zh: "千支", en: "thousand sticks" },
  "144": { zh: "万双", en: "ten thousand pairs" },
  "145": { zh: "万粒", en: "ten thousand grains" },
  "146": { zh: "千粒", en: "thousand grains" },
  "147": { zh: "千米", en: "kilometre" },
  "148": { zh: "千英尺", en: "thousand feet" },
  "149": { zh: "百万贝可", en: "megabecquerel" },
  "163": { zh: "部", en: "set (bu)" },
  "164": { zh: "亿株", en: "hundred million plants" },
});

/** An ISO alpha-2 country for a customs code; ISO alpha codes and unknown codes come back unchanged (the screening flags them). */
export function cnCountryToIso(value: string): string {
  const code = value.trim();
  if (/^[A-Za-z]{2,3}$/.test(code)) return code.toUpperCase();
  return CN_CUSTOMS_COUNTRIES[code] ?? code;
}

/** An ISO 4217 currency for a customs code; ISO alpha codes and unknown codes come back unchanged. */
export function cnCurrencyToIso(value: string): string {
  const code = value.trim();
  if (/^[A-Za-z]{3}$/.test(code)) return code.toUpperCase();
  return CN_CUSTOMS_CURRENCIES[code] ?? code;
}
