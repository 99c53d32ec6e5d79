import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

describe("the app's logger", () => {
  it("censors credentials wherever they appear in a logged object", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger(sink);
    log.warn(
      {
        password: "hunter2",
        user: { password: "hunter3", passwordHash: "$argon2id$v=19$abc" },
        token: "ct_secret",
        headers: { authorization: "Bearer ct_secret2", cookie: "next-auth.session-token=abc" },
        req: { headers: { cookie: "next-auth.session-token=def", authorization: "Bearer ct_secret3" } },
      },
      "probe",
    );
    const out = lines.join("");
    expect(out).toContain('"msg":"probe"');
    expect(out).not.toMatch(/hunter2|hunter3|argon2id|ct_secret|session-token/);
    expect(out.match(/\[redacted\]/g)?.length).toBe(8);
  });
});
