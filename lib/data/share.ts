import "server-only";
import { recordEvent } from "@/lib/data/audit";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { SYSTEM_ACTOR, type Actor, requirePermission } from "@/lib/auth/roles";
import { getFullReport, redactReport, type FullReport } from "@/lib/data/report";

// Read-only links to a report for people without accounts. The link carries 256 random
// bits; only their sha256 is stored, so a copy of the database does not give the links
// away (as with API tokens). A link can expire and can be revoked; a bad, expired and
// revoked link all answer the same "not found", so a visitor learns nothing from trying.

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const createShareSchema = z
  .object({
    expiresInDays: z.preprocess(
      (v) => (v === "" || v === "never" ? null : typeof v === "string" ? Number(v) : v),
      z
        .number({ error: "Expiry must be a number of days" })
        .int("Expiry must be a whole number of days")
        .min(1, "Expiry must be at least 1 day")
        .max(365, "Expiry must be at most 365 days")
        .nullable()
        .default(30),
    ),
  })
  .strict();

export type ShareLinkView = {
  id: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
};

type Row = { id: string; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null; createdBy: { name: string } };

function toView(row: Row, now = new Date()): ShareLinkView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy.name,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active",
  };
}

const select = { id: true, createdAt: true, expiresAt: true, revokedAt: true, createdBy: { select: { name: true } } } as const;

/** The sha256 (hex) under which a share token is stored. */
export function hashShareToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a share link; the token is returned once and never stored. */
export async function createShareLink(
  maybeActor: Actor | null,
  articleId: string,
  input: unknown,
): Promise<{ link: ShareLinkView; token: string; path: string }> {
  const actor = requirePermission(maybeActor, "articles:write");
  const { expiresInDays } = parseInput(createShareSchema, input);
  const createdById = actor.id;
  if (createdById === null) throw new AppError("validation_failed", "Share links need a user who owns them");
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = expiresInDays === null ? null : new Date(Date.now() + expiresInDays * 86_400_000);
  const row = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw notFound("Article");
    const created = await tx.shareLink.create({
      data: { articleId, tokenHash: hashShareToken(token), createdById, expiresAt },
      select,
    });
    await recordEvent(tx, actor, {
      action: "share.create",
      entityType: "shareLink",
      entityId: created.id,
      articleId,
      after: { expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { link: toView(row), token, path: `/share/${token}` };
}

/** The share links of an article, newest first (their tokens cannot be shown again). */
export async function listShareLinks(maybeActor: Actor | null, articleId: string): Promise<ShareLinkView[]> {
  requirePermission(maybeActor, "articles:write");
  const rows = await db.shareLink.findMany({
    where: { articleId },
    select,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const now = new Date();
  return rows.map((r) => toView(r, now));
}

/** Revokes a share link at once; revoking twice keeps the first time. */
export async function revokeShareLink(maybeActor: Actor | null, linkId: string): Promise<ShareLinkView> {
  const actor = requirePermission(maybeActor, "articles:write");
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id: linkId }, select: { articleId: true, revokedAt: true } });
    if (!link) throw notFound("Share link");
    if (!link.revokedAt) {
      await tx.shareLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
      await recordEvent(tx, actor, {
        action: "share.revoke",
        entityType: "shareLink",
        entityId: linkId,
        articleId: link.articleId,
      });
    }
    return toView(await tx.shareLink.findUniqueOrThrow({ where: { id: linkId }, select }));
  });
}

export type SharedReport = { report: FullReport; expiresAt: string | null };

/** The report behind a share token, without staff names; not found when the link is bad, expired or revoked. */
export async function getSharedReport(token: string): Promise<SharedReport> {
  if (!TOKEN_PATTERN.test(token)) throw notFound("Shared report");
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { articleId: true, expiresAt: true, revokedAt: true },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) throw notFound("Shared report");
  // The token is the visitor's permission to read this one report; the read runs as the system.
  const report = await getFullReport(SYSTEM_ACTOR, link.articleId);
  return { report: redactReport(report), expiresAt: link.expiresAt?.toISOString() ?? null };
}
