#!/usr/bin/env node
// Builds the web console into web/dist when its sources are newer than the last build.
// Run by `npm install` (prepare) and by `npm run build:web` (with --force).
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const webDir = join(repoRoot, "web");
const configFile = join(webDir, "vite.config.ts");
const builtIndex = join(webDir, "dist", "index.html");
const sources = [join(webDir, "src"), join(webDir, "public"), join(webDir, "index.html"), configFile];

/** Latest modification time (ms) of a file or of any file below a directory. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when web/dist is up to date. */
function buildReason(force) {
  if (force) return "forced";
  if (!existsSync(builtIndex)) return "no previous build";
  const builtAt = statSync(builtIndex).mtimeMs;
  const changed = sources.find((path) => newestMtime(path) > builtAt);
  return changed ? `${relative(repoRoot, changed)} changed` : null;
}

async function main() {
  const force = process.argv.includes("--force");
  const reason = buildReason(force);
  if (!reason) {
    console.log("build-web: web/dist is up to date, nothing to do");
    return;
  }

  let vite;
  try {
    vite = await import("vite");
  } catch {
    // A production install (--omit=dev) has no vite; the API still works without the console.
    console.warn(
      "build-web: warning: vite is not installed, skipping the web console build (install dev dependencies to build it)",
    );
    return;
  }

  const started = performance.now();
  await vite.build({ configFile, logLevel: "warn", mode: "production" });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build-web: built web/dist in ${seconds}s (${reason})`);
}

main().catch((error) => {
  console.error(`build-web: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
