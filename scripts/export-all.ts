import fs from "node:fs";
import { createPrivateFile } from "@/lib/backup";
import { exportEverything } from "@/lib/data/dump";
import { fail, parseOptions } from "./cli-args";

// `npm run export:all -- --out FILE`: every row of the database as one JSON file.
const opts = parseOptions({ out: { type: "string" } }, "npm run export:all -- --out FILE");
if (!opts.out) fail("--out FILE is required");
exportEverything()
  .then((dump) => {
    createPrivateFile(opts.out!);
    fs.writeFileSync(opts.out!, JSON.stringify(dump));
    const rows = Object.values(dump.tables).reduce((n, t) => n + t.length, 0);
    console.log(`Exported ${rows} rows to ${opts.out}`);
  })
  .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
