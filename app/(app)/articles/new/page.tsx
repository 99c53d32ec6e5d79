import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ImportForm } from "@/components/articles/import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  await requirePageActor("articles:write", "/articles/new");
  return (
    <>
      <h1>Import an article</h1>
      <p className="muted">
        Paste the text or upload a .txt, .md or .html file. Claimtrack splits it into claims, one per sentence, that you
        then tag and source.
      </p>
      <ImportForm />
    </>
  );
}
