// npm run docs:rules — regenerate docs/screening-rules.md from the rules themselves.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ruleCatalogueMarkdown } from "../src/screening/rule-catalogue.ts";

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/screening-rules.md");
fs.writeFileSync(target, ruleCatalogueMarkdown());
console.log(`Wrote ${target}`);
