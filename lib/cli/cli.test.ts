import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/claimtrack.mjs", import.meta.url));
const sample = fileURLToPath(new URL("../claims/testdata/ottawa-treaty-withdrawal.txt", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "claimtrack-cli-"));

type Run = { code: number; stdout: string; stderr: string };

/** Runs the real CLI from an unrelated cwd, as a pipeline would. */
function run(args: string[], input?: string | Buffer): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: tmpdir(), encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? "");
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const KEYS = ["start", "end", "text", "tag", "confidence", "reasons", "speaker", "speakerStart", "speakerEnd", "cue", "cueStart", "cueEnd"];

describe("claimtrack split", { timeout: 30_000 }, () => {
  it("prints JSON records with exact offsets and suggestions for the sample article", async () => {
    const r = await run(["split", sample, "--suggest", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength(16);
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(sample, "utf8");
    for (const rec of records) {
      expect(Object.keys(rec)).toEqual(KEYS);
      expect(text.slice(rec.start as number, rec.end as number)).toBe(rec.text);
      if (rec.speaker !== null) expect(text.slice(rec.speakerStart as number, rec.speakerEnd as number)).toBe(rec.speaker);
      else expect([rec.speakerStart, rec.speakerEnd]).toEqual([null, null]);
      if (rec.cue !== null) expect(text.slice(rec.cueStart as number, rec.cueEnd as number)).toBe(rec.cue);
      else expect([rec.cueStart, rec.cueEnd]).toEqual([null, null]);
      expect(["stated", "attributed", "disputed"]).toContain(rec.tag);
    }
    const last = records[15]!;
    expect([last.tag, last.speaker, last.cue]).toEqual(["disputed", "Russia", "denied"]);
    expect(last.reasons).toEqual(expect.arrayContaining(["cue 'denied'", "speaker 'Russia'"]));
  });

  it("leaves tag, confidence and reasons null without --suggest, and reads stdin for -", async () => {
    const r = await run(["split", "-", "--json"], "WARSAW (Reuters) - Poland left. “It is over,” he said.\nNext line");
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records.map((x) => x.text)).toEqual(["WARSAW (Reuters) - Poland left.", "“It is over,” he said.", "Next line"]);
    for (const rec of records) {
      expect(Object.keys(rec)).toEqual(KEYS);
      for (const k of KEYS.slice(3)) expect(rec[k]).toBeNull();
    }
  });

  it("prints a readable listing by default", async () => {
    const r = await run(["split", sample, "--suggest"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ 1 {2}\[0-208\] {2}The military forces/);
    expect(r.stdout).toMatch(/disputed 90% {2}speaker "Russia" \[\d+-\d+\] {2}cue "denied"/);
    expect(r.stdout).toContain("why: cue 'claim to'; speaker 'Poland, Latvia, Lithuania and Estonia'");
  });

  it("prints [] for empty input", async () => {
    const r = await run(["split", "-", "--json"], "");
    expect([r.code, r.stdout.trim()]).toEqual([0, "[]"]);
  });

  it.each([
    ["a missing file", () => ["split", join(scratch, "nope.txt")], /no such file/, 1],
    ["a directory", () => ["split", scratch], /is a directory/, 1],
    ["binary data", () => ["split", file("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))], /binary data/, 1],
    ["invalid UTF-8", () => ["split", file("latin1.txt", Buffer.from("caf\xe9 cr\xe8me", "latin1"))], /not valid UTF-8/, 1],
    ["an unknown flag", () => ["split", sample, "--fast"], /unknown option '--fast'/, 2],
    ["a missing FILE", () => ["split", "--json"], /missing FILE/, 2],
    ["an unknown command", () => ["merge", sample], /unknown command 'merge'/, 2],
  ] as const)("rejects %s with a message on stderr", async (_name, args, message, code) => {
    const r = await run([...args()]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^claimtrack: /);
  });

  it("rejects invalid UTF-8 on stdin too", async () => {
    const r = await run(["split", "-"], Buffer.from([0x61, 0xff, 0x62]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/standard input: is not valid UTF-8/);
  });

  it("prints usage for --help", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: claimtrack split FILE \[--suggest\] \[--json\]/);
  });
});
