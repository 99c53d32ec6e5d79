import { describe, expect, it } from "vitest";
import { rateLimitedError, rateLimitedWait, tryAgainIn } from "./retry";

describe("tryAgainIn", () => {
  it.each([
    [1, "Try again in 1 minute."],
    [60_000, "Try again in 1 minute."],
    [60_001, "Try again in 2 minutes."],
    [14 * 60_000 + 5_000, "Try again in 15 minutes."],
    [0, "Try again in 1 minute."],
  ])("%d ms → %s", (ms, text) => {
    expect(tryAgainIn(ms)).toBe(text);
  });
});

describe("the sign-in error that carries the wait", () => {
  it("round-trips the wait in whole seconds, rounded up", () => {
    expect(rateLimitedError(839_200)).toBe("RateLimited:840");
    expect(rateLimitedWait(rateLimitedError(839_200))).toBe(840_000);
  });

  it("reads a bare RateLimited as no known wait, and anything else as not throttled", () => {
    expect(rateLimitedWait("RateLimited")).toBe(0);
    for (const error of [null, undefined, "", "CredentialsSignin", "RateLimited:", "RateLimited:abc", "RateLimited:99999999", "xRateLimited:5"]) {
      expect(rateLimitedWait(error)).toBeNull();
    }
  });
});
