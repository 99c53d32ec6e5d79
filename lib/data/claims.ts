import "server-only";
import { db, executeSql, queryRows, type Tx } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/data/audit";
import { acceptSuggestionsSchema, hasSpeaker, updateClaimSchema, type ClaimTag, type Verdict } from "@/lib/schemas/claim";
import { assertArticleEditable, assertEditableState } from "@/lib/data/editable";
import { publishArticleEvent } from "@/lib/realtime/bus";
import type { ClaimView, SuggestionView } from "@/lib/data/views";
import { selectClaimRows } from "@/lib/data/claim-rows";
import { claimViews, toClaimViews } from "@/lib/data/claim-views";

/** One claim as the API shows it. */
export async function getClaim(maybeActor: Actor | null, claimId: string): Promise<ClaimView & { articleId: string }> {
  requirePermission(maybeActor, "articles:read");
  const [row] = await selectClaimRows(db, { ids: [claimId] });
  if (!row) throw notFound("Claim");
  const [view] = await toClaimViews([row]);
  return { ...view!, articleId: row.articleId };
}

type Editable = {
  tag?: ClaimTag | null;
  speaker?: string | null;
  cue?: string | null;
  note?: string | null;
  verdict?: Verdict | null;
  verdictRationale?: string | null;
  anchorStatus?: "anchored";
  previousText?: null;
};
type SuggestionRow = { suggestedTag: string | null; suggestion: string | null; speaker: string | null; cue: string | null };

/**
 * The edits that accepting a claim's suggestion makes: its tag and, for an attributed or
 * disputed claim, the suggested speaker and cue where the editor has not filled them in.
 */
function acceptedChanges(row: SuggestionRow): Editable {
  if (!row.suggestedTag || !row.suggestion) {
    throw new AppError("validation_failed", "This claim has no suggestion to accept");
  }
  const tag = row.suggestedTag as ClaimTag;
  if (!hasSpeaker(tag)) return { tag };
  const extra = JSON.parse(row.suggestion) as Pick<SuggestionView, "speaker" | "cue">;
  return {
    tag,
    ...(row.speaker === null && extra.speaker ? { speaker: extra.speaker.text } : {}),
    ...(row.cue === null && extra.cue ? { cue: extra.cue.text } : {}),
  };
}

/**
 * Changes a claim: editors set its tag, speaker, cue and note or accept its suggestion;
 * reviewers set its verdict and rationale. The caller names the version it read; if
 * someone saved since, nothing is written and a 409 carries the current claim, so that no
 * one silently overwrites a colleague.
 */
export async function updateClaim(maybeActor: Actor | null, claimId: string, input: unknown): Promise<ClaimView> {
  const parsed = parseInput(updateClaimSchema, input);
  // A change of nothing would still bump the version and send colleagues spurious 409s.
  if (Object.keys(parsed).every((key) => key === "version")) {
    throw new AppError("validation_failed", "Nothing to change: send at least one field besides version");
  }
  const { version, acceptSuggestion, acknowledgeChange, verdict, verdictRationale, ...edits } = parsed;
  const isEditorial = acceptSuggestion !== undefined || acknowledgeChange !== undefined || Object.keys(edits).length > 0;
  const isVerdict = verdict !== undefined || verdictRationale !== undefined;
  let actor = requirePermission(maybeActor, "articles:read");
  if (isEditorial || !isVerdict) actor = requirePermission(actor, "articles:write");
  if (isVerdict) actor = requirePermission(actor, "claims:verdict");
  const updated = await db.$transaction(async (tx) => {
    const [before] = await queryRows<Write["before"] & SuggestionRow & { reviewState: string }>(
      tx,
      `SELECT c."articleId", c."tag", c."speaker", c."cue", c."note", c."verdict", c."verdictRationale", c."suggestedTag", c."suggestion",
         c."anchorStatus", c."previousText", a."reviewState"
       FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = ? AND c."deletedAt" IS NULL`,
      claimId,
    );
    if (!before) throw notFound("Claim");
    assertEditableState(before.reviewState);
    const verdictChanges: Editable = {
      ...(verdict !== undefined ? { verdict } : {}),
      ...(verdictRationale !== undefined ? { verdictRationale } : {}),
    };
    const changes: Editable = {
      ...(acceptSuggestion ? { ...acceptedChanges(before), ...edits } : edits),
      ...verdictChanges,
      ...(acknowledgeChange ? { anchorStatus: "anchored" as const, previousText: null } : {}),
    };
    return writeClaim(tx, actor, { claimId, version, before, changes, origin: acceptSuggestion ? "suggestion" : "editor" });
  });
  const current = await getClaim(actor, claimId);
  if (updated === "written") {
    const { articleId, ...view } = current;
    await publishArticleEvent(articleId, { type: "claims", claimIds: [claimId], removedIds: [], actorId: actor.id, views: [view] });
  }
  if (updated === "conflict") {
    throw new AppError(
      "conflict",
      `This claim was changed by someone else (you had version ${version}, it is now version ${current.version}). Review their change and save again.`,
      { details: { claim: current } },
    );
  }
  return current;
}

type Write = {
  claimId: string;
  version: number;
  before: {
    articleId: string;
    tag: string | null;
    speaker: string | null;
    cue: string | null;
    note: string | null;
    verdict?: string | null;
    verdictRationale?: string | null;
    anchorStatus?: string;
    previousText?: string | null;
  };
  changes: Editable;
  origin: "editor" | "suggestion";
};

/**
 * Only an attributed or disputed claim has a speaker and cue (the report's "who said
 * what", the exports, the speaker search and ClaimReview's author all read them). A stated
 * claim is the outlet's own voice; an untagged one is not decided yet, and the editor
 * sees no speaker field on either. Setting either on such a claim is refused; tagging a
 * claim stated, or clearing its tag, clears both, and the audit log and undo keep what
 * they were.
 */
function onlyAttributionHasSpeaker(before: Write["before"], changes: Editable): Editable {
  const tag = changes.tag !== undefined ? changes.tag : before.tag;
  if (hasSpeaker(tag as ClaimTag | null)) return {};
  const set = (["speaker", "cue"] as const).filter((k) => changes[k] !== undefined && changes[k] !== null);
  if (set.length > 0) {
    const what = set.length === 2 ? "a speaker and cue" : `a ${set[0]}`;
    const claim = tag === "stated" ? "A stated claim is the article's own voice and" : "An untagged claim";
    throw new AppError("validation_failed", `${claim} has no speaker or cue: tag it attributed or disputed to record ${what}`);
  }
  return {
    ...(before.speaker !== null || changes.speaker !== undefined ? { speaker: null } : {}),
    ...(before.cue !== null || changes.cue !== undefined ? { cue: null } : {}),
  };
}

/**
 * Applies changes if the claim is still at `version`, recording the event: "written", or
 * "conflict" when someone saved since. Fields asked to keep the value they have are left
 * out; when none is left, nothing is written ("unchanged"): the version stays, so a
 * colleague gets no 409 and undo no step for a change no one can see. Accepting a
 * suggestion always records who decided the tag.
 */
async function writeClaim(
  tx: Tx,
  actor: Actor,
  { claimId, version, before, changes: asked, origin }: Write,
): Promise<"written" | "unchanged" | "conflict"> {
  const changes = Object.fromEntries(
    Object.entries({ ...asked, ...onlyAttributionHasSpeaker(before, asked) }).filter(
      ([key, value]) => value !== (before[key as keyof Editable] ?? null) || (key === "tag" && origin === "suggestion"),
    ),
  ) as Editable;
  if (Object.keys(changes).length === 0) return "unchanged";
  const decidesTag = changes.tag !== undefined && (changes.tag !== before.tag || origin === "suggestion");
  const decidesVerdict = changes.verdict !== undefined;
  const now = new Date();
  const data: Record<string, unknown> = {
    ...changes,
    // Clearing a tag clears who set it (the audit log keeps who cleared it).
    ...(decidesTag
      ? changes.tag === null
        ? { taggedById: null, taggedAt: null, tagOrigin: null }
        : { taggedById: actor.id, taggedAt: now, tagOrigin: origin }
      : {}),
    ...(decidesVerdict ? { verdictById: changes.verdict === null ? null : actor.id, verdictAt: changes.verdict === null ? null : now } : {}),
    updatedAt: now,
  };
  // Plain SQL: the columns are Editable's and the ones above, never user input.
  const columns = Object.keys(data);
  const count = await executeSql(
    tx,
    `UPDATE "Claim" SET ${columns.map((c) => `"${c}" = ?`).join(", ")}, "version" = "version" + 1 WHERE "id" = ? AND "version" = ?`,
    ...Object.values(data),
    claimId,
    version,
  );
  if (count === 0) return "conflict";
  await recordEvent(tx, actor, {
    action:
      origin === "suggestion"
        ? "claim.accept-suggestion"
        : changes.verdict !== undefined && Object.keys(changes).every((k) => k.startsWith("verdict"))
          ? "claim.verdict"
          : "claim.update",
    entityType: "claim",
    entityId: claimId,
    articleId: before.articleId,
    before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof Editable] ?? null])),
    after: changes,
  });
  return "written";
}

/**
 * Accepts every pending suggestion of an article whose confidence is at least
 * minConfidence, as the actor's decision. Claims already tagged are left alone.
 * Returns the claims it tagged.
 */
export async function acceptSuggestions(maybeActor: Actor | null, articleId: string, input: unknown): Promise<ClaimView[]> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { minConfidence } = parseInput(acceptSuggestionsSchema, input);
  const ids = await db.$transaction(
    async (tx) => {
      await assertArticleEditable(tx, articleId);
      const pending = await tx.claim.findMany({
        where: {
          articleId,
          deletedAt: null,
          tag: null,
          suggestedTag: { not: null },
          suggestedConfidence: { gte: minConfidence },
        },
        select: {
          id: true,
          version: true,
          articleId: true,
          tag: true,
          speaker: true,
          cue: true,
          note: true,
          suggestedTag: true,
          suggestion: true,
        },
      });
      const done: string[] = [];
      for (const row of pending) {
        const written = await writeClaim(tx, actor, {
          claimId: row.id,
          version: row.version,
          before: row,
          changes: acceptedChanges(row),
          origin: "suggestion",
        });
        if (written === "written") done.push(row.id);
      }
      if (done.length > 0) {
        // One step for undo: the claims' own events, named by one event of the whole batch.
        const events = await tx.auditEvent.findMany({
          where: { articleId, actorId: actor.id, action: "claim.accept-suggestion", entityId: { in: done } },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: done.length,
          select: { id: true },
        });
        await recordEvent(tx, actor, {
          action: "claims.accept-all",
          entityType: "article",
          entityId: articleId,
          articleId,
          after: { minConfidence, claimIds: done, eventIds: events.map((e) => e.id) },
        });
      }
      return done;
    },
    { timeout: 60_000 },
  );
  if (ids.length > 0) await publishArticleEvent(articleId, { type: "claims", claimIds: ids, removedIds: [], actorId: actor.id });
  return claimViews(actor, ids);
}
