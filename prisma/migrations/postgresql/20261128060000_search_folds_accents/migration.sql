-- Claim search folds accents and Unicode forms, as SQLite's FTS5 index does (unicode61
-- remove_diacritics): "Zurich" finds "Zürich", and text in decomposed form (NFD: "u" and
-- a combining diaeresis, as macOS and many CMS exports write it) is found by a typed word.
-- unaccent is a trusted extension (PostgreSQL 13 and later): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

-- unaccent() is only STABLE (its dictionary could change), and a generated column needs an
-- IMMUTABLE function: naming the dictionary makes the result depend on the text alone.
-- Both are named with their schema: pg_restore (npm run restore) runs with an empty
-- search_path, and computes the column as it loads the rows.
CREATE OR REPLACE FUNCTION public.claimtrack_search_text(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, normalize(t, NFC)) $$;

ALTER TABLE "Claim" DROP COLUMN "search";
ALTER TABLE "Claim" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', public.claimtrack_search_text(coalesce("text", '') || ' ' || coalesce("speaker", '')))) STORED;
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN ("search");
