-- Only attributed and disputed claims have a speaker and cue. Earlier versions kept the
-- ones a claim had when its tag was cleared, and the Markdown export showed them on
-- untagged claims. The audit log keeps what they were.
UPDATE "Claim" SET "speaker" = NULL, "cue" = NULL WHERE "tag" IS NULL AND ("speaker" IS NOT NULL OR "cue" IS NOT NULL);
