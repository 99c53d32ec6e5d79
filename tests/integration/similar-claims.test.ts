import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importArticle } from "@/lib/data/articles";
import { updateClaim } from "@/lib/data/claims";
import { addSourceToClaim } from "@/lib/data/sources";
import { transitionArticle } from "@/lib/data/review";
import { setClaimVerdict } from "@/lib/data/review-verdicts";
import { findAlreadyChecked } from "@/lib/data/similar-claims";
import { similarity, SIMILARITY_THRESHOLD } from "@/lib/claims/similar";
import { GET as similarRoute } from "@/app/api/v1/claims/[claimId]/similar/route";
import { makeTeam, type Person } from "@/tests/support/people";

// "Already checked" on the database under test: full-text candidates, then the similarity
// score. The labelled pairs of lib/claims/testdata/similar-pairs.json check that the
// candidate query loses next to nothing the score would accept.

type Pair = { id: string; same: boolean; kind: string; a: string; b: string };
const PAIRS = (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../lib/claims/testdata/similar-pairs.json"), "utf8")) as { pairs: Pair[] }).pairs;

let team: { admin: Person; editor: Person; reviewer: Person };
beforeAll(async () => {
  team = await makeTeam();
});

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

describe("already checked", () => {
  it("finds the paraphrase in another article with its tag, verdict and sources, and not the negation", async () => {
    const checked = await importArticle(team.editor.actor, {
      title: "Checked last week",
      text: "Poland's defence ministry says it will lay anti-personnel mines along the border with Belarus.\nThe weather was cold.",
    });
    const match = checked.claims[0]!;
    await updateClaim(team.editor.actor, match.id, { tag: "attributed", speaker: "Poland's defence ministry", cue: "says", version: 1 });
    await addSourceToClaim(team.editor.actor, match.id, { url: "https://example.org/mod", relation: "origin", quote: "lay mines" });
    await transitionArticle(team.editor.actor, checked.id, { action: "submit" });
    await setClaimVerdict(team.reviewer.actor, match.id, { verdict: "true", verdictRationale: "Confirmed by the ministry.", version: 2 });
    await importArticle(team.editor.actor, {
      title: "A denial",
      text: "Poland's defence ministry says it will not lay anti-personnel mines along the border with Belarus.",
    });
    const fresh = await importArticle(team.editor.actor, {
      title: "Today",
      text: "Poland's defence ministry said it would lay anti-personnel mines along its border with Belarus.\nPoland's defence ministry says it will lay anti-personnel mines on the border with Belarus.",
    });
    const [first, sameArticle] = fresh.claims;
    const matches = await findAlreadyChecked(team.editor.actor, first!.id);
    expect(matches.map((m) => m.text)).toEqual([match.text]);
    expect(matches[0]).toMatchObject({
      articleId: checked.id,
      articleTitle: "Checked last week",
      reviewState: "in_review",
      tag: "attributed",
      speaker: "Poland's defence ministry",
      verdict: "true",
      verdictRationale: "Confirmed by the ministry.",
      sources: [{ url: "https://example.org/mod", relation: "origin", quote: "lay mines" }],
    });
    expect(matches[0]!.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    // A claim of the same article is never "already checked" elsewhere.
    expect((await findAlreadyChecked(team.editor.actor, sameArticle!.id)).map((m) => m.articleId)).not.toContain(fresh.id);

    // Deleted claims drop out.
    await db.claim.update({ where: { id: match.id }, data: { deletedAt: new Date() } });
    expect(await findAlreadyChecked(team.editor.actor, first!.id)).toEqual([]);
    await db.claim.update({ where: { id: match.id }, data: { deletedAt: null } });

    const response = await similarRoute(new Request(`http://localhost/api/v1/claims/${first!.id}/similar`, { headers: { authorization: `Bearer ${team.reviewer.token}` } }), {
      params: Promise.resolve({ claimId: first!.id }),
    });
    expect(((await response.json()) as { matches: { claimId: string }[] }).matches.map((m) => m.claimId)).toEqual([match.id]);
    await expect(findAlreadyChecked(null, first!.id)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(findAlreadyChecked(team.editor.actor, "missing")).rejects.toMatchObject({ code: "not_found" });
  });

  it("over the labelled pairs: finds what the score accepts, never what it rejects", async () => {
    // One article holds every "b" side, another every "a" side, one sentence a line.
    const archive = await importArticle(team.editor.actor, { title: "Archive", text: PAIRS.map((p) => oneLine(p.b)).join("\n") });
    const queries = await importArticle(team.editor.actor, { title: "Queries", text: PAIRS.map((p) => oneLine(p.a)).join("\n") });
    const archived = new Set(archive.claims.map((c) => c.text));
    const queryOf = new Map(queries.claims.map((c) => [c.text, c.id]));
    let accepted = 0;
    let found = 0;
    const wrong: string[] = [];
    for (const pair of PAIRS) {
      const a = oneLine(pair.a);
      const b = oneLine(pair.b);
      const queryId = queryOf.get(a);
      if (!queryId || !archived.has(b) || a === b) continue; // the splitter cut the sentence: not comparable
      const matches = (await findAlreadyChecked(team.editor.actor, queryId)).map((m) => m.text);
      const isAccepted = similarity(a, b) >= SIMILARITY_THRESHOLD;
      if (isAccepted) {
        accepted += 1;
        if (matches.includes(b)) found += 1;
      } else if (matches.includes(b)) wrong.push(pair.id);
    }
    expect(wrong).toEqual([]);
    expect(accepted).toBeGreaterThan(80);
    // Top five only, and pairs about one story compete for them: allow a little loss.
    expect(found / accepted).toBeGreaterThanOrEqual(0.9);
  });
});
