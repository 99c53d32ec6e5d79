import { describe, expect, it } from "vitest";
import { sortableId } from "@/lib/sortable-id";

describe("sortableId", () => {
  it("sorts in the order the ids were made, within one millisecond and across", () => {
    const at = Date.UTC(2026, 10, 27, 10, 0, 0);
    const ids = [
      ...Array.from({ length: 500 }, () => sortableId(at)),
      ...Array.from({ length: 500 }, () => sortableId(at + 1)),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the shape of a cuid: a lower-case letter, then base-36 time", () => {
    const id = sortableId(Date.UTC(2026, 0, 1));
    expect(id).toMatch(/^c[0-9a-z]{26}$/);
    expect(id.slice(1, 9)).toBe(Date.UTC(2026, 0, 1).toString(36));
  });
});
