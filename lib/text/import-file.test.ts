import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeUtf8Text, normalizeArticleText } from "./decode";
import { extractArticleFromHtml, htmlToText } from "./html";
import { looksLikeHtml, markdownToText, readArticleFile, readPastedText } from "./import-file";
import { splitClaims } from "../claims/split";

const bytes = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
  }
  return "no error";
}

describe("decodeUtf8Text", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8Text(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("“Hi” — ok")]))).toBe("“Hi” — ok");
  });

  it("refuses invalid UTF-8 and binary data with specific messages", () => {
    expect(codeOf(() => decodeUtf8Text(new Uint8Array([0x61, 0xff, 0x62]), "a.txt"))).toBe(
      "validation_failed: a.txt is not valid UTF-8 text; save it as UTF-8 and try again",
    );
    expect(codeOf(() => decodeUtf8Text(bytes("PNG\u0000\u0001data"), "b.txt"))).toBe(
      "validation_failed: b.txt is not a text file (it contains binary data)",
    );
  });
});

describe("normalizeArticleText", () => {
  it("normalises line endings and trailing blanks only", () => {
    expect(normalizeArticleText("\n\nTitle  \r\nBody text.\r\rEnd.\t\n\n")).toBe("Title\nBody text.\n\nEnd.");
  });
});

describe("htmlToText", () => {
  it("keeps visible text in paragraphs and drops scripts, styles and markup", () => {
    const html = `<style>p{}</style><h1>Head</h1><p>One <b>bold</b>\n  line.</p><script>alert(1)</script>
      <ul><li>First</li><li>Second</li></ul><p>A<br>B</p><div hidden>secret</div>`;
    expect(htmlToText(html)).toBe("Head\n\nOne bold line.\n\nFirst\n\nSecond\n\nA B");
  });

  it("reads a lone <br> as a space and two or more in a row as a paragraph break; <pre> keeps its lines", () => {
    expect(htmlToText("<p>The mayor said taxes<br>will rise.<br/><br> <br>Critics denied it.</p>")).toBe("The mayor said taxes will rise.\n\nCritics denied it.");
    expect(htmlToText("<p>Exports fell <br> sharply.</p><pre>a<br>b\nc</pre>")).toBe("Exports fell sharply.\n\na\nb\nc");
    // A non-breaking space between them (<br>&nbsp;<br>, as editors type blank lines) still makes a run.
    expect(htmlToText("<p>Minister resigns<br>&nbsp;<br>The minister resigned on Monday.</p>")).toBe("Minister resigns\n\nThe minister resigned on Monday.");
    // A paragraph separator typed in the text is a space, not a <br>.
    expect(htmlToText("<p>One\u2029\u2029two.</p>")).toBe("One two.");
  });
});

describe("extractArticleFromHtml", () => {
  it("finds the article body and the page's metadata with Readability", () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the report explains, in some detail, what the ministers said about the treaty and why.</p>`).join("");
    const html = `<html><head><title>Treaty exit | Example News</title><meta property="og:site_name" content="Example News">
      <meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a><a href="/w">World</a></nav>
      <article><h1>Treaty exit</h1>${paragraphs}</article><footer>Copyright Example News</footer></body></html>`;
    const article = extractArticleFromHtml(html);
    expect(article.text).toContain("Paragraph 1 of the report");
    expect(article.text).toContain("Paragraph 6 of the report");
    expect(article.text).not.toContain("Copyright");
    expect(article.text).not.toContain("Home");
    expect(article.publisher).toBe("Example News");
    expect(article.author).toBe("Jane Doe");
  });

  it("drops the site's name from the page title, as the URL import does", () => {
    const html = `<html><head><title>Mayor defends budget | Local Gazette</title><meta property="og:site_name" content="Local Gazette"></head>
      <body><p>The mayor said taxes will rise.</p><p>Critics denied it.</p></body></html>`;
    expect(extractArticleFromHtml(html)).toMatchObject({ title: "Mayor defends budget", publisher: "Local Gazette" });
    // Without a site name there is nothing to drop.
    expect(extractArticleFromHtml("<html><head><title>A | B</title></head><body><p>Text.</p></body></html>").title).toBe("A | B");
  });

  it("falls back to the whole body for short pages", () => {
    const article = extractArticleFromHtml("<html><head><title>Short</title></head><body><p>Just one sentence.</p></body></html>");
    expect(article).toMatchObject({ text: "Just one sentence.", title: "Short" });
  });
});

describe("readArticleFile", () => {
  it("reads .txt, .md and .html files", () => {
    expect(readArticleFile("a.txt", bytes("Plain text.\r\n")).text).toBe("Plain text.");
    expect(readArticleFile("a.md", bytes("# Title\n\nSome *emphasis* and a [link](https://x.org).\n\n- one\n- two")).text).toBe(
      "Title\n\nSome emphasis and a link.\n\none\n\ntwo",
    );
    expect(readArticleFile("a.HTML", bytes("<p>Hello <i>there</i>.</p>")).text).toBe("Hello there.");
  });

  it("refuses other file types, empty files and binary data", () => {
    expect(codeOf(() => readArticleFile("photo.png", bytes("x")))).toMatch(/^validation_failed: photo.png is not a supported file/);
    expect(codeOf(() => readArticleFile("empty.txt", bytes("  \n ")))).toBe("validation_failed: empty.txt holds no article text");
    expect(codeOf(() => readArticleFile("bin.txt", new Uint8Array([0, 1, 2, 3])))).toMatch(/not a text file/);
    expect(codeOf(() => readArticleFile("big.txt", new Uint8Array(5 * 1024 * 1024 + 1)))).toBe("payload_too_large: big.txt is larger than 5 MB");
  });
});

describe("markdownToText", () => {
  it("drops raw HTML scripts inside Markdown", () => {
    expect(markdownToText("Hello.\n\n<script>alert(1)</script>\n\nBye.")).toBe("Hello.\n\nBye.");
  });

  it("reads a hard line break like a soft one, as HTML's lone <br>", () => {
    expect(markdownToText("Taxes will  \nrise.\nSoon.")).toBe("Taxes will rise. Soon.");
  });
});

describe("pasted text", () => {
  it("is HTML only when it starts with a tag and closes a block", () => {
    expect(looksLikeHtml("  <p>The mayor said taxes will rise.</p><p>Critics denied it.</p>")).toBe(true);
    expect(looksLikeHtml("<!doctype html><html><body><div>x</div></body></html>")).toBe(true);
    expect(looksLikeHtml("The <p> tag starts a paragraph.</p>")).toBe(false);
    expect(looksLikeHtml("<Reuters> said the talks failed.")).toBe(false);
    expect(looksLikeHtml("Plain text.\n\nAnother paragraph.")).toBe(false);
  });

  it("pasted HTML becomes one paragraph per block, with its entities decoded and its scripts gone", () => {
    const pasted = readPastedText("<p>The mayor said taxes will <b>rise</b> &amp; fall.</p><p>Critics denied it.</p><script>alert(1)</script>");
    expect(pasted).toMatchObject({ wasHtml: true, text: "The mayor said taxes will rise & fall.\n\nCritics denied it." });
    expect(readPastedText("Plain <b>text</b> stays as typed.")).toEqual({ text: "Plain <b>text</b> stays as typed.", wasHtml: false });
  });

  it("a lone <br> inside a sentence leaves it one claim; two <br> still separate paragraphs", () => {
    const { text } = readPastedText("<p>The mayor said taxes will<br>rise next year.<br><br>Critics denied it.</p>");
    expect(text).toBe("The mayor said taxes will rise next year.\n\nCritics denied it.");
    expect(splitClaims(text).map((s) => text.slice(s.start, s.end))).toEqual(["The mayor said taxes will rise next year.", "Critics denied it."]);
  });

  it("an uploaded .html page reads <br> the same, whether Readability finds the article or not", () => {
    const sentence = "The report says that exports of steel fell by a third<br>in the year to May, the lowest since 2009.";
    const long = `<html><body><nav><a href="/">Home</a></nav><article><h1>Steel</h1>${Array.from({ length: 6 }, () => `<p>${sentence}</p>`).join("")}<p>A<br><br>B</p></article></body></html>`;
    const read = readArticleFile("steel.html", bytes(long)).text;
    expect(read).toContain("fell by a third in the year to May");
    expect(read).not.toContain("third\n");
    expect(read).not.toContain("Home"); // Readability's result, not the whole body
    expect(read.endsWith("\n\nA\n\nB")).toBe(true);
    expect(readArticleFile("short.html", bytes(`<p>${sentence}<br><br>B</p>`)).text).toBe(
      "The report says that exports of steel fell by a third in the year to May, the lowest since 2009.\n\nB",
    );
  });
});
