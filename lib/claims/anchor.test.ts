import { describe, expect, it } from "vitest";
import { reanchorClaims, type AnchorResult, type ClaimAnchor } from "./anchor";
import { buildQuoteSelector } from "./quote";
import { splitClaims } from "./split";
import { isInsideSurrogatePair } from "./text-units";

/** Claims as the import path makes them: one per sentence, with its quote selector. */
function claimsOf(text: string): ClaimAnchor[] {
  return splitClaims(text).map((span, i) => ({ id: `c${i}`, ...span, quote: buildQuoteSelector(text, span) }));
}

function claimAt(text: string, exact: string, id = "x", from = 0): ClaimAnchor {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  const span = { start, end: start + exact.length };
  return { id, ...span, quote: buildQuoteSelector(text, span) };
}

/** Every result must be exact: its offsets slice out its text, anchored means identical. */
function expectExact(newText: string, claims: ClaimAnchor[], results: AnchorResult[]): void {
  expect(results.map((r) => r.id)).toEqual(claims.map((c) => c.id));
  results.forEach((r, i) => {
    if (r.status === "orphaned") {
      expect([r.start, r.end, r.text, r.method]).toEqual([null, null, null, null]);
      return;
    }
    expect(newText.slice(r.start!, r.end!)).toBe(r.text);
    expect(isInsideSurrogatePair(newText, r.start!) || isInsideSurrogatePair(newText, r.end!)).toBe(false);
    expect(r.status === "anchored").toBe(r.text === claims[i]!.quote.exact);
  });
}

const ARTICLE = [
  "Moscow Apologizes for Misrepresenting VOA Report",
  "Russia's Foreign Ministry spokeswoman has apologized to a VOA reporter for remarks made by Foreign Minister Sergei Lavrov. Hours after Lavrov's remarks, Maria Zakharova posted the apology on Facebook.",
  "The foreign minister berated VOA for failing to report the Russian response. \"This is the kind of truth Voice of America carries,\" Lavrov said.",
  "The article Lavrov was referencing was published on January 6, three days before Russian officials responded.",
].join("\n\n");

describe("reanchorClaims", () => {
  it("anchors every claim by position when the texts are identical", () => {
    const claims = claimsOf(ARTICLE);
    const results = reanchorClaims(ARTICLE, ARTICLE, claims);
    expect(results).toEqual(
      claims.map((c) => ({ id: c.id, status: "anchored", start: c.start, end: c.end, text: c.quote.exact, method: "position", similarity: 1 })),
    );
  });

  it("shifts claims after an inserted sentence and leaves the ones before it", () => {
    const claims = claimsOf(ARTICLE);
    const inserted = "The ministry did not say who wrote the apology. ";
    const at = ARTICLE.indexOf("Hours after");
    const newText = ARTICLE.slice(0, at) + inserted + ARTICLE.slice(at);
    const results = reanchorClaims(ARTICLE, newText, claims);
    expectExact(newText, claims, results);
    for (const [i, c] of claims.entries()) {
      const shift = c.start >= at ? inserted.length : 0;
      expect(results[i]).toMatchObject({ status: "anchored", method: "position", start: c.start + shift, end: c.end + shift });
    }
  });

  it("marks a typo fix as changed, with the new offsets, text and similarity", () => {
    const claims = claimsOf(ARTICLE);
    const newText = ARTICLE.replace("Zakharova", "Zakharova-Smith").replace("berated", "berrated");
    const results = reanchorClaims(ARTICLE, newText, claims);
    expectExact(newText, claims, results);
    const i = claims.findIndex((c) => c.quote.exact.startsWith("Hours after"));
    const exact = claims[i]!.quote.exact;
    const changedText = exact.replace("Zakharova", "Zakharova-Smith");
    expect(results[i]).toEqual({
      id: claims[i]!.id,
      status: "changed",
      start: newText.indexOf(changedText),
      end: newText.indexOf(changedText) + changedText.length,
      text: changedText,
      method: "position",
      similarity: 1 - 6 / exact.length,
    });
    const j = claims.findIndex((c) => c.quote.exact.startsWith("The foreign minister"));
    expect(results[j]).toMatchObject({ status: "changed", text: claims[j]!.quote.exact.replace("berated", "berrated") });
    expect(results.filter((r) => r.status === "anchored")).toHaveLength(claims.length - 2);
  });

  it("orphans a deleted claim but still returns it, in input order", () => {
    const claims = claimsOf(ARTICLE);
    const deleted = "The foreign minister berated VOA for failing to report the Russian response. ";
    const newText = ARTICLE.replace(deleted, "");
    const results = reanchorClaims(ARTICLE, newText, claims);
    expectExact(newText, claims, results);
    const i = claims.findIndex((c) => c.quote.exact === deleted.trim());
    expect(results[i]).toEqual({ id: claims[i]!.id, status: "orphaned", start: null, end: null, text: null, method: null });
    expect(results.filter((r) => r.status === "anchored")).toHaveLength(claims.length - 1);
  });

  it("orphans a claim reworded past 25% of its length", () => {
    const text = "Officials said the bridge would reopen on Monday. Traffic was diverted.";
    const newText = "Engineers warned the road could stay shut for weeks. Traffic was diverted.";
    const results = reanchorClaims(text, newText, claimsOf(text));
    expect(results.map((r) => r.status)).toEqual(["orphaned", "anchored"]);
  });

  it("keeps a short claim reworded in place past 25% as changed, when its context on both sides is intact", () => {
    const text = "Talks resumed in Geneva on Monday. He denied it. Diplomats left the city at noon.";
    const claims = claimsOf(text);
    const newText = text.replace("He denied it.", "He strongly denied it.");
    const results = reanchorClaims(text, newText, claims);
    expectExact(newText, claims, results);
    const start = newText.indexOf("He strongly");
    expect(results[1]).toMatchObject({ status: "changed", method: "position", start, end: start + "He strongly denied it.".length });
    expect(results[1]!.similarity).toBeCloseTo(1 - 9 / 13, 10);
    // With one side's context reworded too, 9 edits of 13 is past the bound again.
    const elsewhere = newText.replace("Diplomats left", "Envoys went");
    expect(reanchorClaims(text, elsewhere, claims)[1]).toMatchObject({ status: "orphaned" });
  });

  it("follows a moved paragraph by its quote", () => {
    const paragraphs = ARTICLE.split("\n\n");
    const newText = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2]].join("\n\n");
    const claims = claimsOf(ARTICLE);
    const results = reanchorClaims(ARTICLE, newText, claims);
    expectExact(newText, claims, results);
    for (const [i, c] of claims.entries()) {
      const start = newText.indexOf(c.quote.exact);
      expect(results[i]).toMatchObject({ status: "anchored", start, end: start + c.quote.exact.length });
    }
    expect(results.some((r) => r.method === "quote")).toBe(true);
  });

  it("finds a moved and edited paragraph by fuzzy search", () => {
    const paragraphs = ARTICLE.split("\n\n");
    const edited = paragraphs[3]!.replace("three days", "three full days");
    const newText = [paragraphs[0], edited, paragraphs[1], paragraphs[2]].join("\n\n");
    const claim = claimAt(ARTICLE, paragraphs[3]!);
    const [result] = reanchorClaims(ARTICLE, newText, [claim]);
    expect(result).toMatchObject({ status: "changed", start: newText.indexOf(edited), end: newText.indexOf(edited) + edited.length, text: edited });
    expect(result!.similarity).toBeCloseTo(1 - 5 / paragraphs[3]!.length, 10);
  });

  it("keeps each copy of a repeated sentence on its own copy, chosen by context", () => {
    const para = (who: string) => `${who} spoke to reporters. He denied it. ${who} then left.`;
    const text = [para("Ahmed"), para("Bello"), para("Chidi")].join("\n\n");
    const claims = ["Ahmed", "Bello", "Chidi"].map((who) => claimAt(text, "He denied it.", who, text.indexOf(who)));
    // Bello's paragraph goes; a new paragraph with the same sentence comes at the end.
    const newText = ["Breaking.", para("Ahmed"), para("Chidi"), "Police said more. He denied it. Nobody else spoke."].join("\n\n");
    const results = reanchorClaims(text, newText, claims);
    expectExact(newText, claims, results);
    expect(results.map((r) => [r.status, r.start])).toEqual([
      ["anchored", newText.indexOf("He denied it.", newText.indexOf("Ahmed"))],
      ["orphaned", null],
      ["anchored", newText.indexOf("He denied it.", newText.indexOf("Chidi"))],
    ]);
  });

  it("picks the occurrence whose context matches when a short quote moves", () => {
    const geneva = "Talks resumed in Geneva. They failed. Diplomats left.";
    const markets = "Markets fell sharply on Monday. They failed. Investors fled.";
    const text = [geneva, markets, "End of report."].join("\n\n");
    const claim = claimAt(text, "They failed.", "x", text.indexOf("Monday"));
    const newText = [markets, geneva, "End of report."].join("\n\n");
    const [result] = reanchorClaims(text, newText, [claim]);
    expect(result).toMatchObject({ status: "anchored", start: newText.indexOf("They failed."), end: newText.indexOf("They failed.") + 12 });
  });

  it("does not take a coincidental copy at the mapped place when the text around it moved", () => {
    const text = "Talks resumed in Geneva. They failed.\n\nMarkets fell sharply on Monday. They failed.\n\nEnd of report.";
    const claim = claimAt(text, "They failed.", "x", text.indexOf("Monday"));
    const newText = "Markets fell sharply on Monday. They failed.\n\nIn other news, talks resumed in Geneva. They failed.\n\nEnd of report.";
    const [result] = reanchorClaims(text, newText, [claim]);
    // Both copies match half the context; neither is the mapped place with its context
    // intact, so the choice falls to the exact-quote pass, never to the diff alone.
    expect(result?.method).toBe("quote");
  });

  it("handles claims at the very start and end of the text", () => {
    const text = "First claim here. Middle claim. Last claim there.";
    const claims = claimsOf(text);
    const newText = "First claim here! Middle claim. Last claim there";
    const results = reanchorClaims(text, newText, claims);
    expectExact(newText, claims, results);
    expect(results.map((r) => [r.status, r.start, r.end])).toEqual([
      ["changed", 0, 17],
      ["anchored", 18, 31],
      ["changed", 32, 48],
    ]);
  });

  it("follows every claim when a revision comes back with LF instead of CRLF line ends", () => {
    const crlf = ARTICLE.replaceAll("\n", "\r\n");
    const claims = claimsOf(crlf);
    const results = reanchorClaims(crlf, ARTICLE, claims);
    expectExact(ARTICLE, claims, results);
    expect(results.map((r) => [r.status, r.start])).toEqual(claims.map((c) => ["anchored", ARTICLE.indexOf(c.quote.exact)]));
  });

  it("orphans everything against an empty new text", () => {
    const claims = claimsOf(ARTICLE);
    const results = reanchorClaims(ARTICLE, "", claims);
    expect(results.map((r) => r.status)).toEqual(claims.map(() => "orphaned"));
  });

  it("returns a result for duplicate claims and orphans an empty quote", () => {
    const text = "Alpha beta gamma. Delta epsilon.";
    const claim = claimAt(text, "Delta epsilon.", "a");
    const empty: ClaimAnchor = { id: "e", start: 0, end: 0, quote: { exact: "", prefix: "", suffix: "" } };
    const results = reanchorClaims(text, "New lead. " + text, [claim, { ...claim, id: "b" }, empty]);
    expect(results.map((r) => [r.id, r.status, r.start])).toEqual([
      ["a", "anchored", 28],
      ["b", "anchored", 28],
      ["e", "orphaned", null],
    ]);
  });

  it("finds a claim whose stored offsets are stale by its quote", () => {
    const claim = { ...claimAt(ARTICLE, "Hours after Lavrov's remarks"), start: 3, end: 9 };
    claim.quote = { ...claim.quote, exact: "Hours after Lavrov's remarks, Maria Zakharova posted the apology on Facebook." };
    const [result] = reanchorClaims(ARTICLE, ARTICLE, [claim]);
    expect(result).toMatchObject({ status: "anchored", method: "quote", start: ARTICLE.indexOf("Hours after") });
  });

  it("keeps surrogate pairs whole in non-Latin text with emoji", () => {
    const sentences = ["Министр заявил: «Мы не отступим» 👍🏽.", "北京方面否认了这一说法。", "Fans cheered 🎉🎉 loudly."];
    const text = sentences.join(" ");
    const claims = sentences.map((s, i) => claimAt(text, s, `s${i}`));
    const newText = text.replace("👍🏽", "👎🏽").replace("否认", "承认").replace("🎉🎉", "🎉");
    const results = reanchorClaims(text, newText, claims);
    expectExact(newText, claims, results);
    expect(results.map((r) => [r.status, r.text])).toEqual([
      ["changed", "Министр заявил: «Мы не отступим» 👎🏽."],
      ["changed", "北京方面承认了这一说法。"],
      ["changed", "Fans cheered 🎉 loudly."],
    ]);
  });

  it("never marks a claim anchored unless its text is identical, over random edits", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const claims = claimsOf(ARTICLE);
    for (let run = 0; run < 40; run++) {
      let newText = ARTICLE;
      for (let e = 0; e < 4; e++) {
        const at = Math.floor(random() * newText.length);
        const cut = Math.floor(random() * 6);
        newText = newText.slice(0, at) + "xy".slice(0, Math.floor(random() * 3)) + newText.slice(at + cut);
      }
      expectExact(newText, claims, reanchorClaims(ARTICLE, newText, claims));
    }
  });
});
