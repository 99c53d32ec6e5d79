import "server-only";
import { db } from "@/lib/db";
import { asCredibility, type Credibility } from "@/lib/sources/credibility";
import { normalizeSpeakerKey, type SpeakerAliasView } from "@/lib/claims/speaker-names";

// An approved article is read-only: its claims, tags and sources, and the sources' own
// fields (lib/data/source-edit.ts refuses those), stay as approved. Two things the whole
// desk shares can still change its report: the credibility ratings of the sources it cites
// (a source's own, or its publisher's) and the grouping of speaker names. Refusing those
// would stop a desk from marking a source unreliable until every article citing it was
// reopened; so they apply, and the report says which of them came after the approval, from
// the audit log, for a reviewer to decide whether to reopen it.

/** A desk-wide change, made after an article's approval, to a rating or speaker group its report shows. */
export type ApprovalChange = {
  at: string;
  /** Who made it: null for outsiders' eyes (a shared report) and for the system. */
  actor: string | null;
} & (
  | { kind: "source-rating"; source: string; from: Credibility | null; to: Credibility | null }
  | { kind: "publisher-rating"; domain: string; from: Credibility | null; to: Credibility | null }
  | { kind: "speaker-group"; name: string; under: string }
  | { kind: "speaker-ungroup"; name: string; from: string }
);

type Claimish = { speaker: string | null; sources: readonly { sourceId: string }[] };

const parse = (text: string | null): Record<string, unknown> => {
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The rating and speaker-group changes made since `approvedAt` that touch what an article's
 * report shows: ratings of the sources its claims cite or of their publishers, and the
 * grouping of its speakers' names (or of the names they are grouped under), oldest first.
 */
export async function changesSinceApproval(
  approvedAt: Date,
  claims: readonly Claimish[],
  aliases: readonly SpeakerAliasView[],
): Promise<ApprovalChange[]> {
  const sourceIds = [...new Set(claims.flatMap((c) => c.sources.map((s) => s.sourceId)))];
  const sources = sourceIds.length > 0 ? await db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, title: true, url: true, domain: true } }) : [];
  const domains = [...new Set(sources.map((s) => s.domain).filter((d): d is string => !!d))];
  const speakerKeys = new Set(claims.flatMap((c) => (c.speaker ? [normalizeSpeakerKey(c.speaker)] : [])));
  // A name's group is named after its canonical name: grouping that one elsewhere moves it too.
  const canonicalOf = new Map(aliases.map((a) => [a.alias, normalizeSpeakerKey(a.canonical)]));
  for (const key of [...speakerKeys]) {
    const canonical = canonicalOf.get(key);
    if (canonical) speakerKeys.add(canonical);
  }
  if (sourceIds.length === 0 && speakerKeys.size === 0) return [];
  const found = await db.auditEvent.findMany({
    where: {
      at: { gt: approvedAt },
      OR: [
        { action: "source.credibility", entityId: { in: sourceIds } },
        { action: "source.domain-rating", entityId: { in: domains.map((d) => `domain:${d}`) } },
        // Every regrouping since: one of another name can carry this report's names along
        // with it (its `moved`), which SQL cannot see inside the JSON on both databases.
        ...(speakerKeys.size > 0 ? [{ action: { in: ["speaker.group", "speaker.ungroup"] } }] : []),
      ],
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { at: true, action: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
  });
  const touchesSpeakers = (e: (typeof found)[number]) => {
    const moved = parse(e.after).moved;
    return speakerKeys.has(e.entityId) || (Array.isArray(moved) && moved.some((key) => speakerKeys.has(String(key))));
  };
  const events = found.filter((e) => !e.action.startsWith("speaker.") || touchesSpeakers(e));
  const titleOf = new Map(sources.map((s) => [s.id, s.title || s.url]));
  return events.map((e): ApprovalChange => {
    const base = { at: e.at.toISOString(), actor: e.actor?.name || null };
    const before = parse(e.before);
    const after = parse(e.after);
    switch (e.action) {
      case "source.credibility":
        return { ...base, kind: "source-rating", source: titleOf.get(e.entityId) ?? e.entityId, from: asCredibility(text(before.credibility)), to: asCredibility(text(after.credibility)) };
      case "source.domain-rating":
        return { ...base, kind: "publisher-rating", domain: e.entityId.replace(/^domain:/, ""), from: asCredibility(text(before.rating)), to: asCredibility(text(after.rating)) };
      case "speaker.group":
        return { ...base, kind: "speaker-group", name: text(after.name) || e.entityId, under: text(after.canonical) };
      default:
        return { ...base, kind: "speaker-ungroup", name: e.entityId, from: text(before.canonical) };
    }
  });
}
