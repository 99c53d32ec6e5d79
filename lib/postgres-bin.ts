import fs from "node:fs";
import path from "node:path";

/** The directory with initdb and pg_ctl: PATH first, then Debian's versioned folders. */
export function findPostgresBin(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(base, v, "bin");
    if (fs.existsSync(path.join(dir, "initdb"))) return dir;
  }
  return null;
}
