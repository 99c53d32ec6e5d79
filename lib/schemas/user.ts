import { z } from "zod";
import { cleanTyped } from "@/lib/schemas/common";

export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const role = z.enum(ROLES, {
  error: (issue) => `Unknown role ${JSON.stringify(issue.input)}: use admin, editor or reviewer`,
});

export const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Email must be an address such as name@example.com"));

export const password = z
  .string({ error: "Password is required" })
  .min(10, "Password must be at least 10 characters")
  .max(200, "Password must be at most 200 characters");

export const createUserSchema = z.object({
  email,
  name: z.string().overwrite((v) => cleanTyped(v, "one")).min(1, "Name is required").max(200, "Name must be at most 200 characters"),
  role,
  password,
});

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "Password is required").max(200),
});

export const changeRoleSchema = z.object({ userId: z.string().min(1), role });
export const setActiveSchema = z.object({ userId: z.string().min(1), isActive: z.boolean() });
export const createTokenSchema = z.object({
  name: z.string().overwrite((v) => cleanTyped(v, "one")).min(1, "Token name is required").max(100, "Token name must be at most 100 characters"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200),
    newPassword: password,
  })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, { message: "The new password must differ from the current one", path: ["newPassword"] });
export const setPasswordSchema = z.object({ userId: z.string().min(1), newPassword: password }).strict();
