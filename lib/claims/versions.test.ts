import { describe, expect, it } from "vitest";
import { ClaimVersions, mergeClaimViews } from "@/lib/claims/versions";

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

describe("claims a page shows, merged with newer views", () => {
  const claim = (id: string, version: number, start: number, note: string | null = null) => ({ id, version, start, end: start + 5, note });

  it("never go back to an older view, so the screen and the next save's version agree", () => {
    // A saves claim a at version 1 -> 2. B's newer change (3) reaches A's page first.
    const versions = new ClaimVersions([claim("a", 1, 0)]);
    let shown = [claim("a", 1, 0)];
    const theirs = claim("a", 3, 0, "B's note");
    versions.see("a", 3);
    shown = mergeClaimViews(shown, [theirs]);
    // Then A's own answer (version 2) arrives: neither the screen nor the saver take it.
    const mine = claim("a", 2, 0);
    expect(versions.see("a", 2)).toBe(false);
    shown = mergeClaimViews(shown, [mine]);
    expect(shown).toEqual([theirs]);
    expect(versions.of("a")).toBe(shown[0]!.version);
  });

  it("take a view of the same version (a source added) and new claims, in text order", () => {
    const shown = [claim("b", 1, 10), claim("a", 2, 0)];
    const merged = mergeClaimViews(shown, [claim("a", 2, 0, "same version, new detail"), claim("c", 1, 5)]);
    expect(merged.map((c) => c.id)).toEqual(["a", "c", "b"]);
    expect(merged[0]!.note).toBe("same version, new detail");
  });
});
