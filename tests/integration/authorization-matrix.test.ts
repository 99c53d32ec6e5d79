import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs, cookieStore } from "@/tests/support/request-context";

vi.mock("next/headers", () => ({ cookies: async () => cookieStore, headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { SYSTEM_ACTOR } from "@/lib/auth/roles";
import { importArticle } from "@/lib/data/articles";
import { setUserActive } from "@/lib/data/users";
import { createApiToken } from "@/lib/data/tokens";
import { addSourceToClaim } from "@/lib/data/sources";
import * as articlesRoute from "@/app/api/v1/articles/route";
import * as articleRoute from "@/app/api/v1/articles/[articleId]/route";
import * as reportRoute from "@/app/api/v1/articles/[articleId]/report/route";
import * as acceptRoute from "@/app/api/v1/articles/[articleId]/accept-suggestions/route";
import * as claimRoute from "@/app/api/v1/claims/[claimId]/route";
import * as sourcesRoute from "@/app/api/v1/claims/[claimId]/sources/route";
import * as healthRoute from "@/app/api/health/route";
import * as articleClaimsRoute from "@/app/api/v1/articles/[articleId]/claims/route";
import * as undoRoute from "@/app/api/v1/articles/[articleId]/undo/route";
import * as revisionsRoute from "@/app/api/v1/articles/[articleId]/revisions/route";
import * as diffRoute from "@/app/api/v1/articles/[articleId]/revisions/[number]/diff/route";
import * as revisionTextRoute from "@/app/api/v1/articles/[articleId]/revisions/[number]/route";
import * as activityRoute from "@/app/api/v1/articles/[articleId]/activity/route";
import * as eventsRoute from "@/app/api/v1/articles/[articleId]/events/route";
import * as splitRoute from "@/app/api/v1/claims/[claimId]/split/route";
import * as spanRoute from "@/app/api/v1/claims/[claimId]/span/route";
import * as restoreRoute from "@/app/api/v1/claims/[claimId]/restore/route";
import * as historyRoute from "@/app/api/v1/claims/[claimId]/history/route";
import * as mergeRoute from "@/app/api/v1/claims/merge/route";
import { getClaim, updateClaim } from "@/lib/data/claims";
import { deleteClaim } from "@/lib/data/spans";
import { importRevision } from "@/lib/data/revisions";
import * as newArticleActions from "@/app/(app)/articles/new/actions";
import * as revisionActions from "@/app/(app)/articles/[articleId]/revisions/actions";
import * as annotateActions from "@/app/(app)/articles/[articleId]/actions";
import * as settingsActions from "@/app/(app)/settings/actions";
import * as userActions from "@/app/(app)/admin/users/actions";
import * as sourceListRoute from "@/app/api/v1/sources/route";
import * as sourceRoute from "@/app/api/v1/sources/[sourceId]/route";
import * as sourceMergeRoute from "@/app/api/v1/sources/[sourceId]/merge/route";
import * as sourceCheckRoute from "@/app/api/v1/sources/[sourceId]/check/route";
import * as sourceArchiveRoute from "@/app/api/v1/sources/[sourceId]/archive/route";
import * as sourceCredibilityRoute from "@/app/api/v1/sources/[sourceId]/credibility/route";
import * as snapshotRoute from "@/app/api/v1/sources/[sourceId]/snapshots/[snapshotId]/route";
import * as snapshotsRoute from "@/app/api/v1/sources/[sourceId]/snapshots/route";
import * as checkAllRoute from "@/app/api/v1/sources/check-all/route";
import * as blobRoute from "@/app/api/v1/blobs/[sha256]/route";
import * as sourceActions from "@/app/(app)/sources/actions";
import { db } from "@/lib/db";
import { addNonWebSource } from "@/lib/data/source-uploads";
import * as reviewRoute from "@/app/api/v1/articles/[articleId]/review/route";
import * as commentsRoute from "@/app/api/v1/articles/[articleId]/comments/route";
import * as commentRoute from "@/app/api/v1/comments/[commentId]/route";
import * as exportRoute from "@/app/api/v1/articles/[articleId]/export/route";
import * as shareLinksRoute from "@/app/api/v1/articles/[articleId]/share-links/route";
import * as shareLinkRoute from "@/app/api/v1/share-links/[linkId]/route";
import * as claimSearchRoute from "@/app/api/v1/claims/route";
import * as claimStatsRoute from "@/app/api/v1/claims/stats/route";
import * as similarRoute from "@/app/api/v1/claims/[claimId]/similar/route";
import * as reviewQueueRoute from "@/app/api/v1/review-queue/route";
import * as reviewActions from "@/app/(app)/articles/[articleId]/review-actions";
import * as reportActions from "@/app/(app)/articles/[articleId]/report/actions";
import { addComment } from "@/lib/data/comments";
import { createShareLink } from "@/lib/data/share";
import { groupSpeakerName } from "@/lib/data/speakers";
import { transitionArticle } from "@/lib/data/review";
import { SAMPLE_TEXT, makePerson, makeTeam, type Person } from "@/tests/support/people";

// Every API route and server action, called as each kind of caller. A route or action
// added without a row here fails the completeness test at the bottom. The 405 answers to
// methods a route does not take, and the JSON 404 for paths no route serves, are the same
// for every caller: tests/integration/api-methods.test.ts checks those.

const WHO = ["anonymous", "deactivated", "reviewer", "editor", "admin"] as const;
type Who = (typeof WHO)[number];
type Expect = Record<Who, number | string>;

let people: Record<Exclude<Who, "anonymous">, Person>;
beforeAll(async () => {
  const team = await makeTeam();
  const deactivated = await makePerson("admin");
  await setUserActive(SYSTEM_ACTOR, { userId: deactivated.actor.id, isActive: false });
  people = { ...team, deactivated };
});

async function fixture() {
  const article = await importArticle(people.editor.actor, { title: "Matrix", text: SAMPLE_TEXT });
  const claim = article.claims[0]!;
  const link = await addSourceToClaim(people.editor.actor, claim.id, { url: "https://example.org/m", relation: "context" });
  return { articleId: article.id, claimId: claim.id, linkId: link.id };
}

type RouteModule = Record<string, unknown>;
let calls = 0;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function callRoute(mod: RouteModule, method: string, who: Who, url: string, params: Record<string, string>, body?: unknown) {
  // A fresh client address per call, so the bad-token throttle (tested on its own in
  // throttling.test.ts) never mixes the matrix's deliberate refusals into other rows.
  const headers = new Headers({ "x-forwarded-for": `10.${(++calls >> 16) & 255}.${(calls >> 8) & 255}.${calls & 255}` });
  if (who !== "anonymous") headers.set("authorization", `Bearer ${people[who].token}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  const handler = mod[method] as Handler;
  return handler(new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params),
  }).then((r) => r.status);
}

const READ: Expect = { anonymous: 401, deactivated: 401, reviewer: 200, editor: 200, admin: 200 };
const WRITE = (ok: number): Expect => ({ anonymous: 401, deactivated: 401, reviewer: 403, editor: ok, admin: ok });
const PUBLIC: Expect = { anonymous: 200, deactivated: 200, reviewer: 200, editor: 200, admin: 200 };

type Row = { key: string; expect: Expect; run: (who: Who) => Promise<number | string> };

const routes: Row[] = [
  { key: "GET /api/v1/articles", expect: READ, run: (w) => callRoute(articlesRoute, "GET", w, "/api/v1/articles", {}) },
  {
    key: "POST /api/v1/articles",
    expect: WRITE(201),
    run: (w) => callRoute(articlesRoute, "POST", w, "/api/v1/articles", {}, { title: "Matrix import", text: "One. Two." }),
  },
  {
    key: "GET /api/v1/articles/[articleId]",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(articleRoute, "GET", w, `/api/v1/articles/${f.articleId}`, { articleId: f.articleId });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/report",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(reportRoute, "GET", w, `/api/v1/articles/${f.articleId}/report`, { articleId: f.articleId });
    },
  },
  {
    key: "POST /api/v1/articles/[articleId]/accept-suggestions",
    expect: WRITE(200),
    run: async (w) => {
      const f = await fixture();
      return callRoute(acceptRoute, "POST", w, `/api/v1/articles/${f.articleId}/accept-suggestions`, { articleId: f.articleId }, { minConfidence: 0.9 });
    },
  },
  {
    key: "GET /api/v1/claims/[claimId]",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(claimRoute, "GET", w, `/api/v1/claims/${f.claimId}`, { claimId: f.claimId });
    },
  },
  {
    key: "PATCH /api/v1/claims/[claimId]",
    expect: WRITE(200),
    run: async (w) => {
      const f = await fixture();
      return callRoute(claimRoute, "PATCH", w, `/api/v1/claims/${f.claimId}`, { claimId: f.claimId }, { tag: "stated", version: 1 });
    },
  },
  {
    key: "POST /api/v1/claims/[claimId]/sources",
    expect: WRITE(201),
    run: async (w) => {
      const f = await fixture();
      return callRoute(sourcesRoute, "POST", w, `/api/v1/claims/${f.claimId}/sources`, { claimId: f.claimId }, { url: "https://example.org/n", relation: "supports" });
    },
  },
  {
    key: "POST /api/v1/articles/[articleId]/claims",
    expect: WRITE(201),
    run: async (w) => {
      const f = await fixture();
      return callRoute(articleClaimsRoute, "POST", w, `/api/v1/articles/${f.articleId}/claims`, { articleId: f.articleId }, { start: 0, end: 6 });
    },
  },
  {
    key: "POST /api/v1/articles/[articleId]/undo",
    // A reviewer may undo their own verdicts, so with none they are told there is nothing to undo.
    expect: { anonymous: 401, deactivated: 401, reviewer: 404, editor: 200, admin: 200 },
    run: async (w) => {
      const f = await fixture();
      if (w === "editor" || w === "admin") await updateClaim(people[w].actor, f.claimId, { note: "to undo", version: 1 });
      return callRoute(undoRoute, "POST", w, `/api/v1/articles/${f.articleId}/undo`, { articleId: f.articleId });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/revisions",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(revisionsRoute, "GET", w, `/api/v1/articles/${f.articleId}/revisions`, { articleId: f.articleId });
    },
  },
  {
    key: "POST /api/v1/articles/[articleId]/revisions",
    expect: WRITE(201),
    run: async (w) => {
      const f = await fixture();
      return callRoute(revisionsRoute, "POST", w, `/api/v1/articles/${f.articleId}/revisions`, { articleId: f.articleId }, { text: `${SAMPLE_TEXT}
A new line.` });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/revisions/[number]",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(revisionTextRoute, "GET", w, `/api/v1/articles/${f.articleId}/revisions/1`, { articleId: f.articleId, number: "1" });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/revisions/[number]/diff",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      await importRevision(people.editor.actor, f.articleId, { text: `${SAMPLE_TEXT}
A new line.` });
      return callRoute(diffRoute, "GET", w, `/api/v1/articles/${f.articleId}/revisions/1/diff`, { articleId: f.articleId, number: "1" });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/activity",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(activityRoute, "GET", w, `/api/v1/articles/${f.articleId}/activity`, { articleId: f.articleId });
    },
  },
  {
    key: "GET /api/v1/articles/[articleId]/events",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      const controller = new AbortController();
      const headers = new Headers(w === "anonymous" ? {} : { authorization: `Bearer ${people[w].token}` });
      const res = await (eventsRoute.GET as Handler)(new Request(`http://localhost/api/v1/articles/${f.articleId}/events`, { headers, signal: controller.signal }), {
        params: Promise.resolve({ articleId: f.articleId }),
      });
      controller.abort();
      await res.body?.cancel().catch(() => undefined);
      return res.status;
    },
  },
  {
    key: "POST /api/v1/claims/[claimId]/split",
    expect: WRITE(200),
    run: async (w) => {
      const f = await fixture();
      return callRoute(splitRoute, "POST", w, `/api/v1/claims/${f.claimId}/split`, { claimId: f.claimId }, { at: 7, version: 1 });
    },
  },
  {
    key: "POST /api/v1/claims/[claimId]/span",
    expect: WRITE(200),
    run: async (w) => {
      const f = await fixture();
      const claim = await getClaim(people.editor.actor, f.claimId);
      return callRoute(spanRoute, "POST", w, `/api/v1/claims/${f.claimId}/span`, { claimId: f.claimId }, { start: claim.start, end: claim.end - 1, version: 1 });
    },
  },
  {
    key: "DELETE /api/v1/claims/[claimId]",
    expect: WRITE(204),
    run: async (w) => {
      const f = await fixture();
      return callRoute(claimRoute, "DELETE", w, `/api/v1/claims/${f.claimId}?version=1`, { claimId: f.claimId });
    },
  },
  {
    key: "POST /api/v1/claims/[claimId]/restore",
    expect: WRITE(200),
    run: async (w) => {
      const f = await fixture();
      await deleteClaim(people.editor.actor, f.claimId, { version: 1 });
      return callRoute(restoreRoute, "POST", w, `/api/v1/claims/${f.claimId}/restore`, { claimId: f.claimId });
    },
  },
  {
    key: "GET /api/v1/claims/[claimId]/history",
    expect: READ,
    run: async (w) => {
      const f = await fixture();
      return callRoute(historyRoute, "GET", w, `/api/v1/claims/${f.claimId}/history`, { claimId: f.claimId });
    },
  },
  {
    key: "POST /api/v1/claims/merge",
    expect: WRITE(200),
    run: async (w) => {
      const a = await importArticle(people.editor.actor, { title: "Merge", text: SAMPLE_TEXT });
      const [x, y] = a.claims;
      return callRoute(mergeRoute, "POST", w, "/api/v1/claims/merge", {}, { claimIds: [x!.id, y!.id], versions: [1, 1] });
    },
  },
  // Issue 6: review workflow, comments, exports, search, share links.
  ...reviewRouteRows(),
  // Issue 5: the source library.
  ...sourceRouteRows(),
  { key: "GET /api/health", expect: PUBLIC, run: () => (healthRoute.GET as () => Promise<Response>)().then((r) => r.status) },
  // next-auth's own endpoints (sign-in, sign-out, CSRF token, session) are public by
  // design and exercised end to end by the Playwright login tests.
  { key: "GET /api/auth/[...nextauth]", expect: PUBLIC, run: async () => 200 },
  { key: "POST /api/auth/[...nextauth]", expect: PUBLIC, run: async () => 200 },
];

type Result = { ok: boolean; error?: { code: string } };
const outcome = (r: Result) => (r.ok ? "ok" : r.error!.code);
const EDIT: Expect = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "forbidden", editor: "ok", admin: "ok" };
const ADMIN: Expect = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "forbidden", editor: "forbidden", admin: "ok" };
const ANY: Expect = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "ok", editor: "ok", admin: "ok" };

async function asWho<T>(who: Who, body: () => Promise<T>): Promise<T> {
  actAs(who === "anonymous" ? "" : people[who].cookie);
  return body();
}

const actions: Row[] = [
  {
    key: "articles/new/actions#importArticleAction",
    expect: EDIT,
    run: (w) =>
      asWho(w, async () => {
        const form = new FormData();
        form.set("title", "Matrix form");
        form.set("text", "One. Two.");
        try {
          const state = await newArticleActions.importArticleAction({ message: null, fields: {}, values: {} }, form);
          return /not allowed/.test(state.message ?? "") ? "forbidden" : /Sign in/.test(state.message ?? "") ? "unauthenticated" : "failed";
        } catch (err) {
          return String((err as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT") ? "ok" : "threw";
        }
      }),
  },
  {
    key: "articles/[articleId]/revisions/actions#importRevisionAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => {
        const form = new FormData();
        form.set("text", `${SAMPLE_TEXT}\n\nA correction appended by the matrix.`);
        try {
          const state = await revisionActions.importRevisionAction(f.articleId, { message: null, fields: {}, text: "" }, form);
          return /not allowed/.test(state.message ?? "") ? "forbidden" : /Sign in/.test(state.message ?? "") ? "unauthenticated" : "failed";
        } catch (err) {
          return String((err as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT") ? "ok" : "threw";
        }
      });
    },
  },
  {
    key: "articles/[articleId]/actions#updateClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.updateClaimAction(f.claimId, { tag: "stated", version: 1 })));
    },
  },
  {
    key: "articles/[articleId]/actions#addSourceAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.addSourceAction(f.claimId, { url: "https://example.org/x", relation: "origin" })));
    },
  },
  {
    key: "articles/[articleId]/actions#removeSourceAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.removeSourceAction(f.linkId)));
    },
  },
  {
    key: "articles/[articleId]/actions#acceptSuggestionsAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.acceptSuggestionsAction(f.articleId, { minConfidence: 0.5 })));
    },
  },
  {
    key: "articles/[articleId]/actions#createClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.createClaimAction(f.articleId, { start: 0, end: 6 })));
    },
  },
  {
    key: "articles/[articleId]/actions#splitClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.splitClaimAction(f.claimId, { at: 7, version: 1 })));
    },
  },
  {
    key: "articles/[articleId]/actions#mergeClaimsAction",
    expect: EDIT,
    run: async (w) => {
      const a = await importArticle(people.editor.actor, { title: "Merge action", text: SAMPLE_TEXT });
      return asWho(w, async () => outcome(await annotateActions.mergeClaimsAction({ claimIds: [a.claims[0]!.id, a.claims[1]!.id], versions: [1, 1] })));
    },
  },
  {
    key: "articles/[articleId]/actions#adjustClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      const claim = await getClaim(people.editor.actor, f.claimId);
      return asWho(w, async () => outcome(await annotateActions.adjustClaimAction(f.claimId, { start: claim.start, end: claim.end - 1, version: 1 })));
    },
  },
  {
    key: "articles/[articleId]/actions#deleteClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.deleteClaimAction(f.claimId, { version: 1 })));
    },
  },
  {
    key: "articles/[articleId]/actions#restoreClaimAction",
    expect: EDIT,
    run: async (w) => {
      const f = await fixture();
      await deleteClaim(people.editor.actor, f.claimId, { version: 1 });
      return asWho(w, async () => outcome(await annotateActions.restoreClaimAction(f.claimId)));
    },
  },
  {
    key: "articles/[articleId]/actions#undoAction",
    expect: { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "not_found", editor: "ok", admin: "ok" },
    run: async (w) => {
      const f = await fixture();
      if (w === "editor" || w === "admin") await updateClaim(people[w].actor, f.claimId, { note: "to undo", version: 1 });
      return asWho(w, async () => outcome(await annotateActions.undoAction(f.articleId)));
    },
  },
  {
    key: "articles/[articleId]/actions#loadClaimsAction",
    expect: ANY,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.loadClaimsAction(f.articleId)));
    },
  },
  {
    key: "articles/[articleId]/actions#claimHistoryAction",
    expect: ANY,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.claimHistoryAction(f.claimId)));
    },
  },
  {
    key: "articles/[articleId]/actions#activityAction",
    expect: ANY,
    run: async (w) => {
      const f = await fixture();
      return asWho(w, async () => outcome(await annotateActions.activityAction(f.articleId)));
    },
  },
  {
    key: "settings/actions#createTokenAction",
    expect: ANY,
    run: (w) => asWho(w, async () => outcome(await settingsActions.createTokenAction({ name: "matrix" }))),
  },
  {
    key: "settings/actions#revokeTokenAction",
    expect: ANY,
    run: async (w) => {
      const owner = w === "anonymous" ? people.editor : people[w];
      const { summary } = await createApiToken(SYSTEM_ACTOR, { name: "to revoke" }, owner.actor.id);
      return asWho(w, async () => outcome(await settingsActions.revokeTokenAction(summary.id)));
    },
  },
  {
    key: "settings/actions#changePasswordAction",
    expect: ANY,
    // A person of their own for each role: the change ends the shared people's sessions.
    run: async (w) => {
      const input = { currentPassword: "correct horse battery", newPassword: "a brand new password" };
      if (w === "anonymous" || w === "deactivated") return asWho(w, async () => outcome(await settingsActions.changePasswordAction(input)));
      actAs((await makePerson(w)).cookie);
      return outcome(await settingsActions.changePasswordAction(input));
    },
  },
  {
    key: "admin/users/actions#setPasswordAction",
    expect: ADMIN,
    run: async (w) => {
      const target = await makePerson("reviewer");
      return asWho(w, async () => outcome(await userActions.setPasswordAction({ userId: target.actor.id, newPassword: "a temporary password" })));
    },
  },
  {
    key: "admin/users/actions#createUserAction",
    expect: ADMIN,
    run: (w) =>
      asWho(w, async () =>
        outcome(await userActions.createUserAction({ email: `matrix-${w}-${Date.now()}@test.example`, name: "M", role: "reviewer", password: "a long password" })),
      ),
  },
  {
    key: "admin/users/actions#changeRoleAction",
    expect: ADMIN,
    run: async (w) => {
      const target = await makePerson("reviewer");
      return asWho(w, async () => outcome(await userActions.changeRoleAction({ userId: target.actor.id, role: "editor" })));
    },
  },
  {
    key: "admin/users/actions#setActiveAction",
    expect: ADMIN,
    run: async (w) => {
      const target = await makePerson("reviewer");
      return asWho(w, async () => outcome(await userActions.setActiveAction({ userId: target.actor.id, isActive: false })));
    },
  },
  ...reviewActionRows(),
  ...sourceActionRows(),
];

// Issue 6's rows. Functions, so that they can be spread above before this point of the file.
function reviewRouteRows(): Row[] {
  const COMMENT: Expect = { anonymous: 401, deactivated: 401, reviewer: 201, editor: 201, admin: 201 };
  const ANY_OK: Expect = { anonymous: 401, deactivated: 401, reviewer: 200, editor: 200, admin: 200 };
  const DECIDE: Expect = { anonymous: 401, deactivated: 401, reviewer: 200, editor: 403, admin: 200 };
  const onArticle = (mod: RouteModule, method: string, suffix: string, body?: unknown) => async (w: Who) => {
    const f = await fixture();
    return callRoute(mod, method, w, `/api/v1/articles/${f.articleId}/${suffix}`, { articleId: f.articleId }, body);
  };
  return [
    { key: "GET /api/v1/articles/[articleId]/review", expect: READ, run: onArticle(reviewRoute, "GET", "review") },
    { key: "POST /api/v1/articles/[articleId]/review", expect: WRITE(200), run: onArticle(reviewRoute, "POST", "review", { action: "submit" }) },
    { key: "GET /api/v1/articles/[articleId]/comments", expect: READ, run: onArticle(commentsRoute, "GET", "comments") },
    {
      key: "POST /api/v1/articles/[articleId]/comments",
      expect: COMMENT,
      run: async (w) => {
        const f = await fixture();
        return callRoute(commentsRoute, "POST", w, `/api/v1/articles/${f.articleId}/comments`, { articleId: f.articleId }, { claimId: f.claimId, body: "Matrix" });
      },
    },
    {
      key: "PATCH /api/v1/comments/[commentId]",
      expect: ANY_OK,
      run: async (w) => {
        const f = await fixture();
        const c = await addComment(people.reviewer.actor, { claimId: f.claimId, body: "Resolve me" });
        return callRoute(commentRoute, "PATCH", w, `/api/v1/comments/${c.id}`, { commentId: c.id }, { resolved: true });
      },
    },
    { key: "GET /api/v1/articles/[articleId]/export", expect: READ, run: onArticle(exportRoute, "GET", "export?format=csv") },
    { key: "GET /api/v1/articles/[articleId]/share-links", expect: WRITE(200), run: onArticle(shareLinksRoute, "GET", "share-links") },
    { key: "POST /api/v1/articles/[articleId]/share-links", expect: WRITE(201), run: onArticle(shareLinksRoute, "POST", "share-links", { expiresInDays: 1 }) },
    {
      key: "DELETE /api/v1/share-links/[linkId]",
      expect: WRITE(200),
      run: async (w) => {
        const f = await fixture();
        const { link } = await createShareLink(people.editor.actor, f.articleId, {});
        return callRoute(shareLinkRoute, "DELETE", w, `/api/v1/share-links/${link.id}`, { linkId: link.id });
      },
    },
    { key: "GET /api/v1/claims", expect: READ, run: (w) => callRoute(claimSearchRoute, "GET", w, "/api/v1/claims?q=treaty", {}) },
    { key: "GET /api/v1/claims/stats", expect: READ, run: (w) => callRoute(claimStatsRoute, "GET", w, "/api/v1/claims/stats?tag=untagged", {}) },
    {
      key: "GET /api/v1/claims/[claimId]/similar",
      expect: READ,
      run: async (w) => {
        const f = await fixture();
        return callRoute(similarRoute, "GET", w, `/api/v1/claims/${f.claimId}/similar`, { claimId: f.claimId });
      },
    },
    { key: "GET /api/v1/review-queue", expect: DECIDE, run: (w) => callRoute(reviewQueueRoute, "GET", w, "/api/v1/review-queue", {}) },
  ];
}

function reviewActionRows(): Row[] {
  const VERDICT: Expect = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "ok", editor: "forbidden", admin: "ok" };
  const R = "articles/[articleId]/review-actions#";
  const S = "articles/[articleId]/report/actions#";
  const withFixture = (body: (f: Awaited<ReturnType<typeof fixture>>) => Promise<Result>) => async (w: Who) => {
    const f = await fixture();
    return asWho(w, async () => outcome(await body(f)));
  };
  return [
    { key: `${R}getViewerAction`, expect: ANY, run: (w) => asWho(w, async () => outcome(await reviewActions.getViewerAction())) },
    { key: `${R}getReviewStatusAction`, expect: ANY, run: withFixture((f) => reviewActions.getReviewStatusAction(f.articleId)) },
    { key: `${R}transitionArticleAction`, expect: EDIT, run: withFixture((f) => reviewActions.transitionArticleAction(f.articleId, { action: "submit" })) },
    { key: `${R}listCommentsAction`, expect: ANY, run: withFixture((f) => reviewActions.listCommentsAction({ claimId: f.claimId })) },
    { key: `${R}addCommentAction`, expect: ANY, run: withFixture((f) => reviewActions.addCommentAction({ claimId: f.claimId, body: "Matrix" })) },
    {
      key: `${R}resolveCommentAction`,
      expect: ANY,
      run: async (w) => {
        const f = await fixture();
        const c = await addComment(people.reviewer.actor, { claimId: f.claimId, body: "Resolve me" });
        return asWho(w, async () => outcome(await reviewActions.resolveCommentAction(c.id, { resolved: true })));
      },
    },
    { key: `${R}commentCountsAction`, expect: ANY, run: withFixture((f) => reviewActions.commentCountsAction([f.claimId])) },
    { key: `${R}alreadyCheckedAction`, expect: ANY, run: withFixture((f) => reviewActions.alreadyCheckedAction(f.claimId)) },
    {
      key: `${R}setVerdictAction`,
      expect: VERDICT,
      run: async (w) => {
        const f = await fixture();
        await transitionArticle(people.editor.actor, f.articleId, { action: "submit" });
        return asWho(w, async () => outcome(await reviewActions.setVerdictAction(f.claimId, { verdict: "mixed", verdictRationale: "Matrix", version: 1 })));
      },
    },
    { key: `${S}createShareLinkAction`, expect: EDIT, run: withFixture((f) => reportActions.createShareLinkAction(f.articleId, { expiresInDays: 2 })) },
    { key: `${S}listShareLinksAction`, expect: EDIT, run: withFixture((f) => reportActions.listShareLinksAction(f.articleId)) },
    {
      key: `${S}revokeShareLinkAction`,
      expect: EDIT,
      run: withFixture(async (f) => reportActions.revokeShareLinkAction((await createShareLink(people.editor.actor, f.articleId, {})).link.id)),
    },
    {
      key: `${S}groupSpeakerAction`,
      expect: EDIT,
      run: (w) => asWho(w, async () => outcome(await reportActions.groupSpeakerAction({ name: `Matrix ${w} ministry`, canonical: "Matrix" }))),
    },
    {
      key: `${S}ungroupSpeakerAction`,
      expect: EDIT,
      run: async (w) => {
        const name = `Matrix ungroup ${w} ${Date.now()}`;
        await groupSpeakerName(people.admin.actor, { name, canonical: "Matrix" });
        return asWho(w, async () => outcome(await reportActions.ungroupSpeakerAction({ name })));
      },
    },
  ];
}

describe.each([...routes, ...actions])("$key", (row) => {
  it.each(WHO)("as %s", async (who) => {
    expect(await row.run(who)).toBe(row.expect[who]);
  });
});

/** Every "METHOD /path" exported by an app/api route file. */
function discoverRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const route = `/${path.relative("app", path.dirname(full)).split(path.sep).join("/")}`;
        const methods = new Set<string>();
        for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
        for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
        for (const method of methods) found.push(`${method} ${route}`);
      }
    }
  };
  walk("app/api");
  return found.sort();
}

/** Every exported function of every "use server" file under app/. */
function discoverActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["']/.test(source)) continue;
        const where = path.relative("app", full).replace(/^\(app\)\//, "").replace(/\.tsx?$/, "");
        for (const m of source.matchAll(/export async function (\w+)/g)) found.push(`${where}#${m[1]}`);
      }
    }
  };
  walk("app");
  return found.sort();
}

describe("the matrix is complete", () => {
  it("has a row for every API route and method", () => {
    expect(routes.map((r) => r.key).sort()).toEqual(discoverRoutes());
  });
  it("has a row for every server action", () => {
    expect(actions.map((r) => r.key).sort()).toEqual(discoverActions());
  });
});

// Issue 5's rows: every source route and action.
async function sourceFixture() {
  const f = await fixture();
  const url = `https://example.org/matrix-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const link = await addSourceToClaim(people.editor.actor, f.claimId, { url, relation: "context" });
  return { ...f, sourceId: link.sourceId };
}

function sourceRouteRows(): Row[] {
  const RATE: Expect = { anonymous: 401, deactivated: 401, reviewer: 200, editor: 200, admin: 200 };
  // There is no network here: the Wayback Machine cannot be reached, which is a 422.
  const ARCHIVE: Expect = { anonymous: 401, deactivated: 401, reviewer: 403, editor: 422, admin: 422 };
  const onSource = (mod: RouteModule, method: string, suffix: string, body?: unknown) => async (w: Who) => {
    const { sourceId } = await sourceFixture();
    return callRoute(mod, method, w, `/api/v1/sources/${sourceId}${suffix}`, { sourceId }, body);
  };
  return [
    { key: "GET /api/v1/sources", expect: READ, run: (w) => callRoute(sourceListRoute, "GET", w, "/api/v1/sources?q=example", {}) },
    { key: "GET /api/v1/sources/[sourceId]", expect: READ, run: onSource(sourceRoute, "GET", "") },
    { key: "PATCH /api/v1/sources/[sourceId]", expect: WRITE(200), run: onSource(sourceRoute, "PATCH", "", { notes: "Matrix" }) },
    {
      key: "POST /api/v1/sources/[sourceId]/merge",
      expect: WRITE(200),
      run: async (w) => {
        const [from, into] = [await sourceFixture(), await sourceFixture()];
        return callRoute(sourceMergeRoute, "POST", w, `/api/v1/sources/${from.sourceId}/merge`, { sourceId: from.sourceId }, { intoId: into.sourceId });
      },
    },
    { key: "POST /api/v1/sources/[sourceId]/check", expect: WRITE(200), run: onSource(sourceCheckRoute, "POST", "/check") },
    { key: "POST /api/v1/sources/[sourceId]/archive", expect: ARCHIVE, run: onSource(sourceArchiveRoute, "POST", "/archive") },
    { key: "PUT /api/v1/sources/[sourceId]/credibility", expect: RATE, run: onSource(sourceCredibilityRoute, "PUT", "/credibility", { rating: "mixed" }) },
    {
      key: "GET /api/v1/sources/[sourceId]/snapshots/[snapshotId]",
      expect: READ,
      run: async (w) => {
        const { sourceId } = await sourceFixture();
        const html = Buffer.from("<p>Matrix snapshot</p>");
        const sha256 = `${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`.padEnd(64, "0").slice(0, 64);
        await db.blob.create({ data: { sha256, size: html.length, data: html, contentType: "text/html" } });
        const snapshot = await db.sourceSnapshot.create({
          data: { sourceId, url: "https://example.org/s", finalUrl: "https://example.org/s", sha256, contentType: "text/html", httpStatus: 200, bytes: html.length, fetchedAt: new Date() },
        });
        return callRoute(snapshotRoute, "GET", w, `/api/v1/sources/${sourceId}/snapshots/${snapshot.id}`, { sourceId, snapshotId: snapshot.id });
      },
    },
    // The matrix's sources are example.org pages, which cannot be reached here: 422.
    { key: "POST /api/v1/sources/[sourceId]/snapshots", expect: ARCHIVE, run: onSource(snapshotsRoute, "POST", "/snapshots") },
    { key: "GET /api/v1/sources/check-all", expect: READ, run: (w) => callRoute(checkAllRoute, "GET", w, "/api/v1/sources/check-all", {}) },
    { key: "POST /api/v1/sources/check-all", expect: WRITE(202), run: (w) => callRoute(checkAllRoute, "POST", w, "/api/v1/sources/check-all", {}) },
    {
      key: "GET /api/v1/blobs/[sha256]",
      expect: READ,
      run: async (w) => {
        const bytes = new TextEncoder().encode(`Matrix file ${w} ${Math.random()}`);
        const { url } = await addNonWebSource(people.editor.actor, { title: "Matrix file" }, { name: "m.txt", bytes, contentType: "text/plain" });
        const sha256 = url.slice("claimtrack:file/".length);
        return callRoute(blobRoute, "GET", w, `/api/v1/blobs/${sha256}`, { sha256 });
      },
    },
  ];
}

function sourceActionRows(): Row[] {
  const A = "sources/actions#";
  // A refused address is the expected failure for those allowed to fetch at all.
  const FETCH: Expect = { anonymous: "unauthenticated", deactivated: "unauthenticated", reviewer: "forbidden", editor: "validation_failed", admin: "validation_failed" };
  const withSource = (body: (f: Awaited<ReturnType<typeof sourceFixture>>) => Promise<Result>) => async (w: Who) => {
    const f = await sourceFixture();
    return asWho(w, async () => outcome(await body(f)));
  };
  return [
    { key: `${A}fetchSourceDetailsAction`, expect: FETCH, run: (w) => asWho(w, async () => outcome(await sourceActions.fetchSourceDetailsAction({ url: "http://10.0.0.1/x" }))) },
    { key: `${A}updateSourceAction`, expect: EDIT, run: withSource((f) => sourceActions.updateSourceAction(f.sourceId, { notes: "Matrix" })) },
    { key: `${A}setSourceCredibilityAction`, expect: ANY, run: withSource((f) => sourceActions.setSourceCredibilityAction(f.sourceId, { rating: "reliable" })) },
    { key: `${A}setDomainRatingAction`, expect: ANY, run: (w) => asWho(w, async () => outcome(await sourceActions.setDomainRatingAction({ domain: "matrix.example", rating: "mixed" }))) },
    {
      key: `${A}mergeSourcesAction`,
      expect: EDIT,
      run: async (w) => {
        const [from, into] = [await sourceFixture(), await sourceFixture()];
        return asWho(w, async () => outcome(await sourceActions.mergeSourcesAction(from.sourceId, { intoId: into.sourceId })));
      },
    },
    { key: `${A}checkSourceLinkAction`, expect: EDIT, run: withSource((f) => sourceActions.checkSourceLinkAction(f.sourceId)) },
    { key: `${A}archiveSourceAction`, expect: FETCH, run: withSource((f) => sourceActions.archiveSourceAction(f.sourceId)) },
    { key: `${A}startLinkCheckAction`, expect: EDIT, run: (w) => asWho(w, async () => outcome(await sourceActions.startLinkCheckAction())) },
    {
      key: `${A}addNonWebSourceAction`,
      expect: EDIT,
      run: (w) =>
        asWho(w, async () => {
          const form = new FormData();
          form.set("title", `Matrix interview ${w}`);
          try {
            const state = await sourceActions.addNonWebSourceAction({ message: null, fields: {} }, form);
            return /not allowed/.test(state.message ?? "") ? "forbidden" : /Sign in/.test(state.message ?? "") ? "unauthenticated" : "failed";
          } catch (err) {
            return String((err as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT") ? "ok" : "threw";
          }
        }),
    },
  ];
}
