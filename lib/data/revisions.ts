import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, executeSql } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { type EventInput, recordEvent, recordEvents } from "@/lib/data/audit";
import { assertArticleEditable } from "@/lib/data/editable";
import { insertClaims, suggestionColumns } from "@/lib/data/claim-spans";
import { publishArticleEvent } from "@/lib/realtime/bus";
import { reanchorClaims, type AnchorResult } from "@/lib/claims/anchor";
import { attachClaimsToHunks, revisionDiff, type RevisionHunk } from "@/lib/claims/revision-diff";
import { splitClaims } from "@/lib/claims/split";
import type { Span } from "@/lib/claims/types";
import { assertClaimLimit } from "@/lib/data/articles";
import { suggestTags } from "@/lib/claims/suggest";
import { buildQuoteSelector } from "@/lib/claims/quote";
import { articleText } from "@/lib/schemas/common";
import { normalizeArticleText } from "@/lib/text/decode";

// Corrections arrive as new revisions. Each claim of the current revision is re-anchored
// on the new text (lib/claims/anchor.ts): anchored (same text), changed (found, text
// differs: flagged for re-review with the old text kept) or orphaned (not found: kept on
// its old revision and listed, never dropped). Sentences that no claim covers become new
// claims. Every claim's move is recorded, so a diff can show which claims a change hit.

export const revisionSchema = z.object({ text: articleText }).strict();

export type RevisionClaimResult = {
  id: string;
  status: AnchorResult["status"] | "new";
  start: number | null;
  end: number | null;
  text: string;
  previousText: string | null;
};

export type RevisionResult = {
  revision: { id: string; number: number };
  counts: Record<RevisionClaimResult["status"], number>;
  claims: RevisionClaimResult[];
};

/** Imports a new revision of an article's text and re-anchors its claims onto it. */
export async function importRevision(maybeActor: Actor | null, articleId: string, input: unknown): Promise<RevisionResult> {
  const actor = requirePermission(maybeActor, "articles:write");
  const text = normalizeArticleText(parseInput(revisionSchema, input).text);
  if (actor.id === null) throw new AppError("forbidden", "A revision needs a user to own it");
  const sentences = splitClaims(text);
  assertClaimLimit(sentences.length);
  const result = await db.$transaction(
    async (tx) => {
      await assertArticleEditable(tx, articleId);
      const current = await tx.articleRevision.findFirst({
        where: { articleId },
        orderBy: { number: "desc" },
        select: { id: true, number: true, text: true },
      });
      if (!current) throw notFound("Article");
      if (current.text === text) {
        throw new AppError("validation_failed", "This text is identical to the current revision: nothing to import", {
          fields: { text: ["Identical to the current revision"] },
        });
      }
      const claims = await tx.claim.findMany({
        where: { articleId, revisionId: current.id, deletedAt: null },
        select: { id: true, start: true, end: true, text: true, prefix: true, suffix: true },
      });
      const anchored = reanchorClaims(
        current.text,
        text,
        claims.map((c) => ({
          id: c.id,
          start: c.start,
          end: c.end,
          quote: { exact: c.text, prefix: c.prefix, suffix: c.suffix },
        })),
      );
      const revision = await tx.articleRevision.create({
        data: {
          articleId,
          number: current.number + 1,
          text,
          textHash: crypto.createHash("sha256").update(text).digest("hex"),
          createdById: actor.id!,
        },
        select: { id: true, number: true },
      });
      const old = new Map(claims.map((c) => [c.id, c]));
      const now = new Date();
      const results: RevisionClaimResult[] = [];
      const events: EventInput[] = [];
      const placed = anchored.filter((r) => r.status !== "orphaned" && r.start !== null && r.end !== null);
      // One suggester pass over every placed claim, so cross-claim cues (denials) still count.
      const suggestions = suggestTags(
        text,
        placed.map((r) => ({ start: r.start!, end: r.end! })),
      );
      const suggestionOf = new Map(placed.map((r, i) => [r.id, suggestions[i]]));
      for (const r of anchored) {
        const before = old.get(r.id)!;
        if (r.status === "orphaned" || r.start === null || r.end === null) {
          await executeSql(
            tx,
            `UPDATE "Claim" SET "anchorStatus" = 'orphaned', "previousText" = "text", "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ?`,
            now,
            r.id,
          );
          results.push({ id: r.id, status: "orphaned", start: null, end: null, text: before.text, previousText: before.text });
        } else {
          const q = buildQuoteSelector(text, { start: r.start, end: r.end });
          const s = suggestionColumns(suggestionOf.get(r.id));
          const previousText = r.status === "changed" ? before.text : null;
          const values = [
            revision.id,
            r.start,
            r.end,
            q.exact,
            q.prefix,
            q.suffix,
            s.suggestedTag,
            s.suggestedConfidence,
            s.suggestion,
            r.status,
            previousText,
            now,
            r.id,
          ];
          const columns = [
            "revisionId",
            "start",
            "end",
            "text",
            "prefix",
            "suffix",
            "suggestedTag",
            "suggestedConfidence",
            "suggestion",
            "anchorStatus",
            "previousText",
            "updatedAt",
          ];
          await executeSql(
            tx,
            `UPDATE "Claim" SET ${columns.map((c) => `"${c}" = ?`).join(", ")}, "version" = "version" + 1 WHERE "id" = ?`,
            ...values,
          );
          results.push({ id: r.id, status: r.status, start: r.start, end: r.end, text: q.exact, previousText });
        }
        events.push({
          action: "claim.reanchor",
          entityType: "claim",
          entityId: r.id,
          articleId,
          before: { revision: current.number, start: before.start, end: before.end, text: before.text },
          after: { revision: revision.number, status: r.status, start: r.start, end: r.end },
        });
      }
      const fresh = await addClaimsForNewText(tx, {
        articleId,
        revisionId: revision.id,
        text,
        sentences,
        placed: results,
        actorId: actor.id!,
        now,
      });
      results.push(...fresh);
      await recordEvents(tx, actor.id, events, now);
      const counts = { anchored: 0, changed: 0, orphaned: 0, new: 0 };
      for (const r of results) counts[r.status] += 1;
      await recordEvent(tx, actor, {
        action: "article.revision",
        entityType: "article",
        entityId: articleId,
        articleId,
        before: { revision: current.number },
        after: { revision: revision.number, ...counts },
      });
      return { revision, counts, claims: results.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)) };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await publishArticleEvent(articleId, { type: "revision", number: result.revision.number, actorId: actor.id });
  return result;
}

type NewText = {
  articleId: string;
  revisionId: string;
  text: string;
  /** The new text's sentence spans, split once by importRevision. */
  sentences: Span[];
  placed: RevisionClaimResult[];
  actorId: string;
  now: Date;
};

/** Creates claims for the sentences of the new text that no re-anchored claim covers. */
async function addClaimsForNewText(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  n: NewText,
): Promise<RevisionClaimResult[]> {
  const covered = n.placed
    .filter((p) => p.start !== null && p.end !== null)
    .map((p) => [p.start!, p.end!] as const)
    .sort((a, b) => a[0] - b[0]);
  const overlaps = (s: { start: number; end: number }) => covered.some(([a, b]) => a < s.end && s.start < b);
  const spans = n.sentences.filter((s) => !overlaps(s));
  if (spans.length === 0) return [];
  const ids = await insertClaims(tx, {
    articleId: n.articleId,
    revisionId: n.revisionId,
    text: n.text,
    spans,
    suggestions: suggestTags(n.text, spans),
  });
  await recordEvents(
    tx,
    n.actorId,
    spans.map((span, i) => ({
      action: "claim.create",
      entityType: "claim",
      entityId: ids[i]!,
      articleId: n.articleId,
      after: { start: span.start, end: span.end, text: n.text.slice(span.start, span.end), origin: "revision" },
    })),
    n.now,
  );
  return spans.map((span, i) => ({
    id: ids[i]!,
    status: "new" as const,
    start: span.start,
    end: span.end,
    text: n.text.slice(span.start, span.end),
    previousText: null,
  }));
}

export type RevisionSummary = { id: string; number: number; createdAt: string; createdBy: string; characters: number };

/** The article's revisions, newest first. */
export async function listRevisions(maybeActor: Actor | null, articleId: string): Promise<RevisionSummary[]> {
  requirePermission(maybeActor, "articles:read");
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, createdAt: true, text: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy.name,
    characters: r.text.length,
  }));
}

export type RevisionDiff = {
  from: number;
  to: number;
  hunks: (RevisionHunk & { claims: { id: string; text: string; status: string }[] })[];
};

/** The text of one revision: what its claims' offsets count in (the W3C export's target). */
export async function getRevisionText(maybeActor: Actor | null, articleId: string, number: number): Promise<string> {
  requirePermission(maybeActor, "articles:read");
  const revision = await db.articleRevision.findUnique({ where: { articleId_number: { articleId, number } }, select: { text: true } });
  if (!revision) throw notFound("Revision");
  return revision.text;
}

/** What changed between revision `from` and the next one, with the claims each change touched. */
export async function getRevisionDiff(maybeActor: Actor | null, articleId: string, from: number): Promise<RevisionDiff> {
  requirePermission(maybeActor, "articles:read");
  const revisions = await db.articleRevision.findMany({
    where: { articleId, number: { in: [from, from + 1] } },
    select: { number: true, text: true },
  });
  const older = revisions.find((r) => r.number === from);
  const newer = revisions.find((r) => r.number === from + 1);
  if (!older) throw notFound(`Revision ${from}`);
  if (!newer) throw new AppError("not_found", `Revision ${from} is the article's latest: there is no later revision to compare it with`);
  // Where each claim stood on the older revision, and how it fared, from the re-anchoring record.
  const moves = await db.auditEvent.findMany({
    where: { articleId, action: "claim.reanchor" },
    select: { entityId: true, before: true, after: true },
  });
  const claims: { id: string; start: number; end: number; text: string; status: string }[] = [];
  for (const m of moves) {
    const before = JSON.parse(m.before ?? "{}") as { revision?: number; start?: number; end?: number; text?: string };
    const after = JSON.parse(m.after ?? "{}") as { revision?: number; status?: string };
    if (
      before.revision === from &&
      after.revision === from + 1 &&
      typeof before.start === "number" &&
      typeof before.end === "number"
    ) {
      claims.push({
        id: m.entityId,
        start: before.start,
        end: before.end,
        text: before.text ?? "",
        status: after.status ?? "anchored",
      });
    }
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  const hunks = attachClaimsToHunks(revisionDiff(older.text, newer.text), claims).map(({ claimIds, ...h }) => ({
    ...h,
    claims: claimIds.map((id) => byId.get(id)!).map(({ id, text, status }) => ({ id, text, status })),
  }));
  return { from, to: from + 1, hunks };
}
