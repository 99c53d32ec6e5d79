import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWaybackSave } from "./archive";
import { FetchError } from "./fetch-error";
import { startFixtureServer, type FixtureServer } from "./testdata/fixture-server";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe("requestWaybackSave", () => {
  it("returns the capture's address and time from the archive's redirect", async () => {
    const result = await requestWaybackSave("https://news.example/story?id=7", { endpoint: server.origin, allowHosts: [server.hostPort] });
    expect(result).toEqual({
      archiveUrl: `${server.origin}/web/20240315091200/https://news.example/story?id=7`,
      archivedAt: new Date("2024-03-15T09:12:00Z"),
    });
  });

  it("fails clearly when the archive cannot be reached, as on a machine without internet", async () => {
    const lookup = async () => Promise.reject(Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }));
    const error = await requestWaybackSave("https://news.example/story", { lookup }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({
      reason: "dns",
      status: 422,
      message: "The Wayback Machine could not save https://news.example/story: Could not resolve web.archive.org (EAI_AGAIN)",
    });
  });

  it("fails clearly when the archive answers without a capture", async () => {
    // The "#" turns the appended /save/URL into a fragment, so the stand-in answers /status/523.
    const error = await requestWaybackSave("https://news.example/story", { endpoint: `${server.origin}/status/523#`, allowHosts: [server.hostPort] }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ reason: "http_status", message: expect.stringMatching(/^The Wayback Machine could not save https:\/\/news\.example\/story: The page answered HTTP 523/) });
  });
});
