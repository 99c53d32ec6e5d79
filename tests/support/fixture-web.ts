import { afterAll, beforeAll } from "vitest";
import { env } from "@/lib/env";
import { startFixtureServer, type FixtureServer } from "@/lib/sources/testdata/fixture-server";
import { makeTeam } from "@/tests/support/people";

export type FixtureWeb = { server: FixtureServer; team: Awaited<ReturnType<typeof makeTeam>> };

/**
 * For a test file that fetches pages: before its tests, starts the local fixture web
 * server, lets the fetcher reach it (it is on a private address, refused otherwise) with a
 * short timeout, and signs up a team; closes the server after. The fields are set once
 * the file's beforeAll has run.
 */
export function withFixtureWeb(timeoutMs = 2000): FixtureWeb {
  const web = {} as FixtureWeb;
  beforeAll(async () => {
    web.server = await startFixtureServer();
    env.FETCH_ALLOW_HOSTS = [web.server.hostPort];
    env.FETCH_TIMEOUT_MS = timeoutMs;
    // Child processes (the command-line tests) parse their own environment.
    process.env.FETCH_ALLOW_HOSTS = web.server.hostPort;
    web.team = await makeTeam();
  });
  afterAll(() => web.server.close());
  return web;
}
