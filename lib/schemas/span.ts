import { z } from "zod";

const offset = z.number({ error: "Offsets must be numbers" }).int("Offsets must be whole numbers").min(0, "Offsets cannot be negative");
const version = z.number({ error: "version is required: send the version you read" }).int().min(1);

export const createClaimSchema = z.object({ start: offset, end: offset }).strict();
export const splitClaimSchema = z.object({ at: offset, version }).strict();
export const mergeClaimsSchema = z
  .object({ claimIds: z.tuple([z.string().min(1), z.string().min(1)]), versions: z.tuple([version, version]) })
  .strict();
export const adjustClaimSchema = z.object({ start: offset, end: offset, version }).strict();
export const deleteClaimSchema = z.object({ version }).strict();
