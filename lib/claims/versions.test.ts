import { describe, expect, it } from "vitest";
import { ClaimVersions } from "@/lib/claims/versions";

describe("claim versions a page has seen", () => {
  it("start from the claims the page loaded", () => {
    const versions = new ClaimVersions([{ id: "a", version: 3 }, { id: "b", version: 1 }]);
    expect(versions.of("a")).toBe(3);
    expect(versions.of("b")).toBe(1);
    expect(versions.of("c")).toBeUndefined();
  });

  it("keep the newest when live updates arrive out of order", () => {
    const versions = new ClaimVersions([{ id: "a", version: 1 }]);
    expect(versions.see("a", 3)).toBe(true);
    // The event of version 2 was sent before 3's but arrives after it.
    expect(versions.see("a", 2)).toBe(false);
    expect(versions.of("a")).toBe(3);
    expect(versions.see("a", 3)).toBe(true);
    expect(versions.see("a", 4)).toBe(true);
    expect(versions.of("a")).toBe(4);
  });

  it("learn claims made after the page loaded", () => {
    const versions = new ClaimVersions([]);
    expect(versions.see("new", 1)).toBe(true);
    expect(versions.of("new")).toBe(1);
  });
});
