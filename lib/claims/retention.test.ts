import { describe, expect, it } from "vitest";
import { sentenceRetention } from "./retention";

const ARTICLE = "The treaty was signed in 1997. It bans landmines.\n\nFour states want to leave it. Russia denies any threat.";

describe("sentenceRetention", () => {
  it("keeps everything for a corrected typo elsewhere, and counts the changed sentence as lost", () => {
    expect(sentenceRetention(ARTICLE, ARTICLE.replace("bans", "prohibits"))).toEqual({ kept: 3, total: 4, share: 0.75 });
    expect(sentenceRetention(ARTICLE, `${ARTICLE}\n\nCorrection: an earlier version misdated the treaty.`).share).toBe(1);
  });
  it("sees a lone paragraph pasted in place of the article", () => {
    expect(sentenceRetention(ARTICLE, "Four states want to leave it.")).toEqual({ kept: 1, total: 4, share: 0.25 });
  });
  it("ignores changes in spacing and line breaks", () => {
    expect(sentenceRetention(ARTICLE, ARTICLE.replace(/\n\n/g, "\n").replace(/ /g, "  ")).share).toBe(1);
  });
});
