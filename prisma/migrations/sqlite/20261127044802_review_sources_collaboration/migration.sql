-- AlterTable
ALTER TABLE "ClaimSource" ADD COLUMN "locator" TEXT;

-- CreateTable
CREATE TABLE "SourceSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT,
    "url" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT,
    "httpStatus" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "fetchedAt" DATETIME NOT NULL,
    CONSTRAINT "SourceSnapshot_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "contentType" TEXT,
    "size" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DomainRating" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "rating" TEXT NOT NULL,
    "note" TEXT,
    "setById" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DomainRating_setById_fkey" FOREIGN KEY ("setById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Presence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL,

    PRIMARY KEY ("articleId", "userId"),
    CONSTRAINT "Presence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ShareLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "alias" TEXT NOT NULL PRIMARY KEY,
    "canonical" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "input" TEXT,
    "result" TEXT,
    "error" TEXT,
    "leaseUntil" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "Job_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "publishedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "reviewState" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewedById" TEXT,
    "snapshotSha256" TEXT,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("author", "createdAt", "createdById", "id", "publishedAt", "publisher", "title", "updatedAt", "url") SELECT "author", "createdAt", "createdById", "id", "publishedAt", "publisher", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");
CREATE INDEX "Article_title_idx" ON "Article"("title");
CREATE INDEX "Article_reviewState_submittedAt_idx" ON "Article"("reviewState", "submittedAt");
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "tag" TEXT,
    "speaker" TEXT,
    "cue" TEXT,
    "note" TEXT,
    "suggestedTag" TEXT,
    "suggestedConfidence" REAL,
    "suggestion" TEXT,
    "taggedById" TEXT,
    "taggedAt" DATETIME,
    "tagOrigin" TEXT,
    "anchorStatus" TEXT NOT NULL DEFAULT 'anchored',
    "previousText" TEXT,
    "verdict" TEXT,
    "verdictRationale" TEXT,
    "verdictById" TEXT,
    "verdictAt" DATETIME,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_taggedById_fkey" FOREIGN KEY ("taggedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_verdictById_fkey" FOREIGN KEY ("verdictById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("anchorStatus", "articleId", "createdAt", "cue", "deletedAt", "end", "id", "note", "prefix", "revisionId", "speaker", "start", "suffix", "suggestedConfidence", "suggestedTag", "suggestion", "tag", "tagOrigin", "taggedAt", "taggedById", "text", "updatedAt", "version") SELECT "anchorStatus", "articleId", "createdAt", "cue", "deletedAt", "end", "id", "note", "prefix", "revisionId", "speaker", "start", "suffix", "suggestedConfidence", "suggestedTag", "suggestion", "tag", "tagOrigin", "taggedAt", "taggedById", "text", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_articleId_start_idx" ON "Claim"("articleId", "start");
CREATE INDEX "Claim_revisionId_idx" ON "Claim"("revisionId");
CREATE INDEX "Claim_speaker_idx" ON "Claim"("speaker");
CREATE INDEX "Claim_tag_idx" ON "Claim"("tag");
CREATE INDEX "Claim_verdict_idx" ON "Claim"("verdict");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "domain" TEXT,
    "title" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "publishedAt" DATETIME,
    "description" TEXT,
    "type" TEXT,
    "accessedAt" DATETIME,
    "notes" TEXT,
    "archiveUrl" TEXT,
    "archivedAt" DATETIME,
    "fileSha256" TEXT,
    "fileName" TEXT,
    "credibility" TEXT,
    "credibilityNote" TEXT,
    "credibilitySetById" TEXT,
    "credibilitySetAt" DATETIME,
    "health" TEXT,
    "healthHttpStatus" INTEGER,
    "healthFinalUrl" TEXT,
    "healthMessage" TEXT,
    "healthCheckedAt" DATETIME,
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_credibilitySetById_fkey" FOREIGN KEY ("credibilitySetById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("createdAt", "id", "title", "updatedAt", "url") SELECT "createdAt", "id", "title", "updatedAt", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");
CREATE INDEX "Source_domain_idx" ON "Source"("domain");
CREATE INDEX "Source_type_idx" ON "Source"("type");
CREATE INDEX "Source_health_idx" ON "Source"("health");
CREATE INDEX "Source_title_idx" ON "Source"("title");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SourceSnapshot_sourceId_fetchedAt_idx" ON "SourceSnapshot"("sourceId", "fetchedAt");

-- CreateIndex
CREATE INDEX "SourceSnapshot_sha256_idx" ON "SourceSnapshot"("sha256");

-- CreateIndex
CREATE INDEX "Comment_articleId_createdAt_idx" ON "Comment"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_claimId_idx" ON "Comment"("claimId");

-- CreateIndex
CREATE INDEX "Presence_articleId_seenAt_idx" ON "Presence"("articleId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_articleId_idx" ON "ShareLink"("articleId");

-- CreateIndex
CREATE INDEX "Job_kind_status_idx" ON "Job"("kind", "status");


-- Written by hand: full-text search over claims with SQLite FTS5 (external content, kept
-- in step by triggers). A later migration that redefines "Claim" drops these triggers
-- and must create them again and run INSERT INTO claim_fts(claim_fts) VALUES ('rebuild').
CREATE VIRTUAL TABLE claim_fts USING fts5(
  text, speaker, content='Claim', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claim_fts_insert AFTER INSERT ON "Claim" BEGIN
  INSERT INTO claim_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON "Claim" BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
END;
CREATE TRIGGER claim_fts_update AFTER UPDATE OF text, speaker ON "Claim" BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
  INSERT INTO claim_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
INSERT INTO claim_fts(claim_fts) VALUES ('rebuild');
