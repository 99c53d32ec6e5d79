import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";

const schema = z.object({
  title: z.string().min(1, "Title is required"),
  olderThanHours: z.number("give a number of hours").optional(),
  claims: z.array(z.object({ tag: z.enum(["stated", "disputed"], "Unknown tag") })).optional(),
});

function messageOf(input: unknown): string {
  try {
    parseInput(schema, input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message;
  }
  throw new Error("accepted");
}

describe("parseInput's message", () => {
  it("does not repeat a field the message already names", () => {
    expect(messageOf({ title: "" })).toBe("Title is required");
  });
  it("names the field when the message does not", () => {
    expect(messageOf({ title: "x", olderThanHours: "soon" })).toBe("olderThanHours: give a number of hours");
    expect(messageOf({ title: "x", claims: [{ tag: "stated" }, { tag: "opinion" }] })).toBe("claims.1.tag: Unknown tag");
  });
  it("names each unknown key of a strict object on its own field", () => {
    const strict = z.object({ note: z.string() }).strict();
    try {
      parseInput(strict, { note: "n", url: "x", title: "y" });
    } catch (err) {
      expect((err as AppError).message).toBe('Unknown field "url": leave it out');
      expect((err as AppError).fields).toEqual({ url: ['Unknown field "url": leave it out'], title: ['Unknown field "title": leave it out'] });
    }
    expect.assertions(2);
  });
  it("keeps every field's messages for forms", () => {
    try {
      parseInput(schema, { title: "", olderThanHours: "x" });
    } catch (err) {
      expect((err as AppError).fields).toEqual({ title: ["Title is required"], olderThanHours: ["give a number of hours"] });
    }
    expect.assertions(1);
  });
});
