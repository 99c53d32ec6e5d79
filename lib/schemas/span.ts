import { z } from "zod";
import { MAX_TEXT_BYTES } from "@/lib/schemas/common";

const offset = z
  .number({ error: "Offsets must be numbers" })
  // Past any article's length (2 MB of text), and past what a double holds exactly.
  .max(MAX_TEXT_BYTES, { error: "Offsets must be within the article's text", abort: true })
  .min(0, { error: "Offsets cannot be negative", abort: true })
  .int("Offsets must be whole numbers");
const version = z.number({ error: "version is required: send the version you read" }).int().min(1);

export const createClaimSchema = z.object({ start: offset, end: offset }).strict();
export const splitClaimSchema = z.object({ at: offset, version }).strict();
export const mergeClaimsSchema = z
  .object({ claimIds: z.tuple([z.string().min(1), z.string().min(1)]), versions: z.tuple([version, version]) })
  .strict();
export const adjustClaimSchema = z.object({ start: offset, end: offset, version }).strict();
export const deleteClaimSchema = z.object({ version }).strict();
