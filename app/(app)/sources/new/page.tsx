import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { NonWebSourceForm } from "@/components/sources/non-web-source-form";

export const metadata: Metadata = { title: "Add a document or interview" };

export default async function NewSourcePage() {
  await requirePageActor("sources:write", "/sources/new");
  return (
    <>
      <h1>Add a document or interview</h1>
      <p className="muted">
        For sources that are not web pages. An uploaded file is stored in Claimtrack (the same file uploaded twice is one source)
        and can be downloaded by everyone signed in; a source without a file, such as a phone interview, is a record with its
        notes.
      </p>
      <NonWebSourceForm />
    </>
  );
}
