import "server-only";
import { env } from "@/lib/env";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { type Actor, requirePermission } from "@/lib/auth/roles";
import { toThreads, type CommentView } from "@/lib/data/comments";
import { EXPORT_FORMATS, buildExport, type ExportFile } from "@/lib/export";
import {
  articleExportSchema,
  type ArticleExport,
  type ExportComment,
  type ExportHistoryEntry,
  type ExportSource,
  type ReviewState,
} from "@/lib/export/types";
import type { ClaimTag, Verdict } from "@/lib/schemas/claim";
import type { SourceRelation } from "@/lib/schemas/source";
import { domainRatingMap } from "@/lib/data/source-credibility";
import { loadSpeakerAliases } from "@/lib/data/speakers";
import { effectiveCredibility } from "@/lib/sources/credibility";

// Maps one article from the database to ArticleExport, the input of every export builder
// in lib/export. People appear by display name only, never by e-mail address: exports
// leave the desk. Claims are those of the current revision; history comes from the audit
// log (claim, source-link and comment events go to their claim, the rest to the article).

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: () => `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
});

const jsonValue = z.json();

function parseJson(text: string | null): z.infer<typeof jsonValue> | null {
  if (text === null) return null;
  try {
    const parsed = jsonValue.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The claim an audit event belongs to, when it belongs to one. */
function claimOfEvent(e: { entityType: string; entityId: string }, before: unknown, after: unknown): string | null {
  if (e.entityType === "claim") return e.entityId;
  if (e.entityType !== "claimSource" && e.entityType !== "comment") return null;
  for (const side of [after, before]) {
    if (side && typeof side === "object" && "claimId" in side && typeof side.claimId === "string") return side.claimId;
  }
  return null;
}

function toExportComment(c: CommentView): ExportComment {
  return {
    id: c.id,
    author: c.author,
    body: c.body,
    createdAt: c.createdAt,
    resolved: c.resolvedAt !== null,
    replies: c.replies.map(toExportComment),
  };
}

/** Sources that are not web pages get an address under the site, since exports name sources by URL. */
function sourceUrl(baseUrl: string, source: { id: string; url: string }): string {
  return /^https?:\/\//i.test(source.url)
    ? source.url
    : `${baseUrl.replace(/\/+$/, "")}/sources/${encodeURIComponent(source.id)}`;
}

/** Everything about an article that its exports carry, in the shape lib/export reads. */
export async function getArticleExportData(
  maybeActor: Actor | null,
  articleId: string,
  { baseUrl, now = new Date() }: { baseUrl: string; now?: Date },
): Promise<ArticleExport> {
  requirePermission(maybeActor, "articles:read");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      url: true,
      publisher: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      reviewState: true,
      reviewedAt: true,
      revisions: { select: { id: true, number: true, text: true }, orderBy: { number: "desc" }, take: 1 },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw notFound("Article");
  const [claims, comments, events] = await Promise.all([
    // The current revision's claims, and the orphaned ones left on older revisions.
    db.claim.findMany({
      where: { articleId, deletedAt: null, OR: [{ revisionId: revision.id }, { anchorStatus: "orphaned" }] },
      orderBy: [{ start: "asc" }, { end: "asc" }],
      select: {
        id: true,
        anchorStatus: true,
        previousText: true,
        revision: { select: { number: true } },
        start: true,
        end: true,
        text: true,
        prefix: true,
        suffix: true,
        tag: true,
        speaker: true,
        cue: true,
        note: true,
        verdict: true,
        verdictRationale: true,
        verdictAt: true,
        taggedAt: true,
        createdAt: true,
        updatedAt: true,
        verdictBy: { select: { name: true } },
        taggedBy: { select: { name: true } },
        sources: {
          orderBy: { createdAt: "asc" },
          select: {
            relation: true,
            quote: true,
            locator: true,
            source: { select: { id: true, url: true, title: true, publisher: true, credibility: true, domain: true } },
          },
        },
      },
    }),
    db.comment.findMany({
      where: { articleId, claimId: { not: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        claimId: true,
        parentId: true,
        body: true,
        createdAt: true,
        resolvedAt: true,
        author: { select: { name: true, role: true } },
        resolvedBy: { select: { name: true } },
      },
    }),
    db.auditEvent.findMany({
      where: { articleId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: {
        at: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        actor: { select: { name: true } },
      },
    }),
  ]);

  const ratings = await domainRatingMap(
    db,
    claims.flatMap((c) => c.sources.map((l) => l.source.domain)),
  );
  const claimIds = new Set(claims.map((c) => c.id));
  const articleHistory: ExportHistoryEntry[] = [];
  const claimHistory = new Map<string, ExportHistoryEntry[]>();
  for (const e of events) {
    const before = parseJson(e.before);
    const after = parseJson(e.after);
    const entry: ExportHistoryEntry = { at: e.at.toISOString(), actor: e.actor?.name ?? null, action: e.action, before, after };
    const claimId = claimOfEvent(e, before, after);
    if (claimId === null) articleHistory.push(entry);
    else if (claimIds.has(claimId)) claimHistory.set(claimId, [...(claimHistory.get(claimId) ?? []), entry]);
  }
  const threads = new Map<string, ExportComment[]>();
  for (const thread of toThreads(comments)) {
    if (thread.claimId) threads.set(thread.claimId, [...(threads.get(thread.claimId) ?? []), toExportComment(thread)]);
  }

  // One claim's fields, current or orphaned.
  const exportClaim = (c: (typeof claims)[number]) => {
    return {
      id: c.id,
      start: c.start,
      end: c.end,
      text: c.text,
      prefix: c.prefix,
      suffix: c.suffix,
      tag: c.tag as ClaimTag | null,
      speaker: c.speaker,
      cue: c.cue,
      note: c.note,
      verdict: c.verdict as Verdict | null,
      verdictRationale: c.verdictRationale,
      verdictBy: c.verdictBy?.name ?? null,
      verdictAt: c.verdictAt?.toISOString() ?? null,
      taggedBy: c.taggedBy?.name ?? null,
      taggedAt: c.taggedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      sources: c.sources.map((l): ExportSource => ({
        url: sourceUrl(baseUrl, l.source),
        title: l.source.title,
        publisher: l.source.publisher,
        relation: l.relation as SourceRelation,
        quote: l.quote,
        locator: l.locator,
        credibility: effectiveCredibility(l.source.credibility, l.source.domain ? ratings.get(l.source.domain) : null),
      })),
      comments: threads.get(c.id) ?? [],
      history: claimHistory.get(c.id) ?? [],
      previousText: c.previousText,
    };
  };

  const data: ArticleExport = {
    baseUrl,
    exportedAt: now.toISOString(),
    article: {
      id: article.id,
      title: article.title,
      url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
      publisher: article.publisher,
      author: article.author,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      createdAt: article.createdAt.toISOString(),
      reviewState: article.reviewState as ReviewState,
      approvedAt: article.reviewState === "approved" ? (article.reviewedAt?.toISOString() ?? null) : null,
      history: articleHistory,
    },
    revision: { number: revision.number, text: revision.text },
    claims: claims.filter((c) => c.anchorStatus !== "orphaned").map((c) => ({ ...exportClaim(c), anchorStatus: c.anchorStatus === "changed" ? "changed" : "anchored" })),
    orphanedClaims: claims.filter((c) => c.anchorStatus === "orphaned").map((c) => ({ ...exportClaim(c), anchorStatus: "orphaned", revision: c.revision.number })),
  };
  // A mapping mistake should fail here, loudly, rather than publish a malformed export.
  return articleExportSchema.parse(data);
}

/** One export of an article in the requested format (json, csv, w3c, claimreview, markdown). */
export async function exportArticle(
  maybeActor: Actor | null,
  articleId: string,
  query: unknown,
  { baseUrl }: { baseUrl: string },
): Promise<ExportFile> {
  requirePermission(maybeActor, "articles:read");
  const { format } = parseInput(exportQuerySchema, query);
  const data = await getArticleExportData(maybeActor, articleId, { baseUrl });
  // The Markdown report groups speakers as the report page does, by the editors' aliases.
  const speakerAliases = format === "markdown" ? await loadSpeakerAliases() : [];
  return buildExport(format, data, {
    publisher: { name: env.CLAIMTRACK_ORGANIZATION, url: env.CLAIMTRACK_ORGANIZATION_URL ?? baseUrl },
    speakerAliases,
  });
}
