import "server-only";
import { recordEvent } from "@/lib/data/audit";
import { z } from "zod";
import { db, queryRows } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { type SpeakerAliasView, normalizeSpeakerKey } from "@/lib/claims/speaker-names";
import { cleanTyped } from "@/lib/schemas/common";

export { groupBySpeaker, normalizeSpeakerKey, type SpeakerAliasView, type SpeakerGroup } from "@/lib/claims/speaker-names";

// Editors group speaker names across all articles: "Russia's foreign ministry" → "Russia".
// An alias is stored under the normalised name; the canonical name keeps the editor's
// spelling. Aliases never chain: grouping under a name that is itself grouped elsewhere
// goes to that name's canonical, and names that pointed at the grouped name follow it.

const speakerName = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .overwrite((v) => cleanTyped(v, "one"))
    .min(1, `${label} is required`)
    .max(300, `${label} must be at most 300 characters`)
    .refine((v) => normalizeSpeakerKey(v) !== "", `${label} has no letters or digits`);

export const groupSpeakerSchema = z.object({ name: speakerName("Speaker name"), canonical: speakerName("Group name") }).strict();
const ungroupSchema = z.object({ name: speakerName("Speaker name") }).strict();

/** Every speaker alias, by canonical name. */
export async function listSpeakerAliases(maybeActor: Actor | null): Promise<SpeakerAliasView[]> {
  requirePermission(maybeActor, "articles:read");
  return loadSpeakerAliases();
}

/** The aliases without a permission check, for callers that already checked one (reports, shared reports). */
export async function loadSpeakerAliases(): Promise<SpeakerAliasView[]> {
  // Plain SQL (lib/db.ts queryRows): every report reads them.
  return queryRows<SpeakerAliasView>(db, `SELECT "alias", "canonical" FROM "SpeakerAlias" ORDER BY "canonical", "alias" LIMIT 10000`);
}

/** Groups a speaker name under another name, for every article. */
export async function groupSpeakerName(maybeActor: Actor | null, input: unknown): Promise<SpeakerAliasView> {
  const actor = requirePermission(maybeActor, "articles:write");
  const data = parseInput(groupSpeakerSchema, input);
  const alias = normalizeSpeakerKey(data.name);
  return db.$transaction(async (tx) => {
    const target = await tx.speakerAlias.findUnique({
      where: { alias: normalizeSpeakerKey(data.canonical) },
      select: { canonical: true },
    });
    const canonical = target?.canonical ?? data.canonical;
    if (normalizeSpeakerKey(data.canonical) === alias || normalizeSpeakerKey(canonical) === alias) {
      throw new AppError("validation_failed", "A name cannot be grouped under itself", {
        fields: { canonical: ["Choose another name to group under"] },
      });
    }
    const before = await tx.speakerAlias.findUnique({ where: { alias }, select: { canonical: true } });
    await tx.speakerAlias.upsert({ where: { alias }, create: { alias, canonical }, update: { canonical } });
    // Names grouped under the one just grouped follow it, so lookups stay one step.
    const followers = await tx.speakerAlias.findMany({ select: { alias: true, canonical: true } });
    const moved: string[] = [];
    for (const f of followers) {
      if (f.alias !== alias && normalizeSpeakerKey(f.canonical) === alias) {
        await tx.speakerAlias.update({ where: { alias: f.alias }, data: { canonical } });
        moved.push(f.alias);
      }
    }
    await recordEvent(tx, actor, {
      action: "speaker.group",
      entityType: "speakerAlias",
      entityId: alias,
      before: before ? { canonical: before.canonical } : null,
      // The names that followed it: an approved report naming one of them changes too.
      after: { name: data.name, canonical, ...(moved.length > 0 ? { moved } : {}) },
    });
    return { alias, canonical };
  });
}

/** Takes a speaker name out of its group. */
export async function ungroupSpeakerName(maybeActor: Actor | null, input: unknown): Promise<void> {
  const actor = requirePermission(maybeActor, "articles:write");
  const alias = normalizeSpeakerKey(parseInput(ungroupSchema, input).name);
  await db.$transaction(async (tx) => {
    const before = await tx.speakerAlias.findUnique({ where: { alias }, select: { canonical: true } });
    if (!before) throw notFound("Speaker group");
    await tx.speakerAlias.delete({ where: { alias } });
    await recordEvent(tx, actor, {
      action: "speaker.ungroup",
      entityType: "speakerAlias",
      entityId: alias,
      before: { canonical: before.canonical },
    });
  });
}
