// Copies the built files of the front-end packages (and their licences) into ../static/vendor/,
// where rasd serves them: the UI loads nothing from a CDN. Run after `npm ci`: `npm run vendor`.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "vendor");
const FILES = {
  leaflet: ["dist/leaflet.js", "dist/leaflet.css", "LICENSE"],
  supercluster: ["dist/supercluster.min.js", "LICENSE"],
  kdbush: ["LICENSE"], // bundled inside supercluster.min.js
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  "world-atlas": ["countries-50m.json", "LICENSE"], // Natural Earth 1:50m countries (public domain)
};

rmSync(out, { recursive: true, force: true });
for (const [pkg, files] of Object.entries(FILES)) {
  for (const file of files) {
    const target = join(out, pkg, file.replace(/^dist\//, ""));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(here, "node_modules", pkg, file), target);
  }
}
console.log(`vendored ${Object.keys(FILES).length} packages into ${out}`);
