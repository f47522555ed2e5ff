// Where the parts of a machine, appliance, vehicle or instrument go, by the heading of the goods they serve. Parts suitable
// for use solely or principally with one kind of machine are classified with it, in its own parts subheading or in the parts
// heading the schedule provides for a group of headings. Written from the HS 2022 nomenclature: Section XVI Note 2(b),
// Section XVII Note 3, Chapter 90 Note 2(b), Chapter 91 (9110–9114), Chapter 92 (9209), Chapter 94 (9401.9x, 9403.9x, 9405.9x).
import { phraseStems } from "./tokenize-text.ts";

/** Heading (4 digits) of the goods served → the HS 2022 subheading of their parts (the usual one where the schedule splits parts by kind). */
// biome-ignore format: a table reads better in rows
const PARTS_OF_HEADING: Readonly<Record<string, string>> = {
  "8401": "840140", "8402": "840290", "8403": "840390", "8404": "840490", "8405": "840590", "8406": "840690",
  "8407": "840991", "8408": "840999", "8410": "841090", "8411": "841199", "8412": "841290", "8413": "841391",
  "8414": "841490", "8415": "841590", "8416": "841690", "8417": "841790", "8418": "841899", "8419": "841990",
  "8420": "842099", "8421": "842199", "8422": "842290", "8423": "842390", "8424": "842490", "8425": "843110",
  "8426": "843149", "8427": "843120", "8428": "843139", "8429": "843149", "8430": "843149", "8432": "843290",
  "8433": "843390", "8434": "843490", "8435": "843590", "8436": "843699", "8437": "843790", "8438": "843890",
  "8439": "843999", "8440": "844090", "8441": "844190", "8443": "844399", "8450": "845090", "8451": "845190",
  "8452": "845290", "8453": "845390", "8454": "845490", "8455": "845590", "8456": "846693", "8457": "846693",
  "8458": "846693", "8459": "846693", "8460": "846693", "8461": "846693", "8462": "846694", "8463": "846694",
  "8465": "846692", "8467": "846799", "8468": "846890", "8470": "847329", "8471": "847330", "8472": "847340",
  "8474": "847490", "8475": "847590", "8476": "847690", "8477": "847790", "8478": "847890", "8479": "847990",
  "8481": "848190", "8482": "848299", "8486": "848690",
  "8501": "850300", "8502": "850300", "8504": "850490", "8505": "850590", "8506": "850690", "8507": "850790",
  "8508": "850870", "8509": "850990", "8510": "851090", "8511": "851190", "8512": "851290", "8513": "851390",
  "8514": "851490", "8515": "851590", "8516": "851690", "8517": "851779", "8518": "851890", "8519": "852290",
  "8521": "852290", "8525": "852990", "8526": "852990", "8527": "852990", "8528": "852990", "8530": "853090",
  "8531": "853190", "8535": "853890", "8536": "853890", "8537": "853890", "8539": "853990", "8543": "854390",
  "8701": "870899", "8702": "870899", "8703": "870899", "8704": "870899", "8705": "870899", "8709": "870990",
  "8711": "871410", "8712": "871499", "8713": "871420", "8716": "871690", "8802": "880730", "8806": "880730",
  "9005": "900590", "9006": "900699", "9007": "900791", "9008": "900890", "9010": "901090", "9011": "901190",
  "9012": "901290", "9013": "901390", "9014": "901490", "9015": "901590", "9017": "901790", "9022": "902290",
  "9024": "902490", "9025": "902590", "9026": "902690", "9027": "902790", "9028": "902890", "9029": "902990",
  "9030": "903090", "9031": "903190", "9032": "903290", "9201": "920999", "9202": "920999", "9205": "920999",
  "9206": "920999", "9207": "920999", "9301": "930599", "9302": "930599", "9303": "930599", "9304": "930599",
  "9401": "940199", "9403": "940399", "9405": "940599", "9504": "950490", "9613": "961390",
};

/** The parts subheading for the goods a code names, when the schedule has one (undefined for goods that are not machines and the like). */
export function partsCodeFor(code: string): string | undefined {
  const heading = code.slice(0, 4);
  const parts = PARTS_OF_HEADING[heading];
  if (!parts || code.startsWith(parts)) return undefined;
  // A code already inside a parts heading (8409, 8431, 8466, 8473, 8503, 8522, 8529, 8538, 8708, 8714, 8807) stays.
  return parts;
}

/** Head nouns that name a part of something rather than a whole article (stems), e.g. "replacement blade for a lawn mower". Covers, doors, panels, lids and mounts are left out: a car cover or a phone mount for a car is an article of its own. */
// biome-ignore format: a word list
export const PART_HEADS: ReadonlySet<string> = new Set(
  [
    "part", "parts", "spare", "spares", "component", "components", "housing", "casing", "bracket", "blade", "blades",
    "knob", "impeller", "rotor", "stator", "assembly", "subassembly", "attachment",
  ].flatMap(phraseStems),
);
