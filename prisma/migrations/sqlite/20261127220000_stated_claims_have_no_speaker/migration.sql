-- A stated claim is the outlet's own voice: it has no speaker or cue. Earlier versions kept
-- the ones a claim had before it was re-tagged stated, and reports, the speaker search and
-- ClaimReview exports showed them. The audit log keeps what they were.
UPDATE "Claim" SET "speaker" = NULL, "cue" = NULL WHERE "tag" = 'stated' AND ("speaker" IS NOT NULL OR "cue" IS NOT NULL);
