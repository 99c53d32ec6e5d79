import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { createUser, loadSessionActor } from "@/lib/data/users";
import { importArticle } from "@/lib/data/articles";

export const DEMO_PASSWORD = "claimtrack";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "editor@example.com", name: "Eddie Editor", role: "editor" },
  { email: "reviewer@example.com", name: "Rita Reviewer", role: "reviewer" },
] as const;

const SAMPLE = path.join(import.meta.dirname, "demo", "ottawa-treaty-withdrawal.txt");

/**
 * Seeds the demo accounts and the sample article into an empty database. Does nothing
 * when any user exists, so a restart never duplicates demo data.
 */
export async function seedDemo(): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const ids: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    ids.push((await createUser(SYSTEM_ACTOR, { ...account, password: DEMO_PASSWORD })).id);
  }
  const editor = await loadSessionActor(ids[1]!, 0);
  await importArticle(editor, {
    title: "Baltic states and Poland move to leave the Ottawa landmine treaty",
    text: fs.readFileSync(SAMPLE, "utf8"),
    publisher: "Demo data",
  });
  return true;
}
