import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageActor } from "@/lib/auth/session";
import { searchClaims, type ClaimSearchResult } from "@/lib/data/search";
import { AppError, type FieldErrors } from "@/lib/errors";
import { ClaimSearchForm, type RawFilters } from "@/components/claims/search-form";
import { ClaimResults } from "@/components/claims/results";
import { ClaimStats } from "@/components/claims/claim-stats";

export const metadata: Metadata = { title: "Claims" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimsPage({ searchParams }: Props) {
  const actor = await requirePageActor("articles:read", "/claims");
  const raw: RawFilters = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : (v ?? "")]),
  );
  let result: ClaimSearchResult | null = null;
  let errors: FieldErrors = {};
  try {
    result = await searchClaims(actor, raw);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "validation_failed") throw err;
    errors = err.fields ?? { "": [err.message] };
  }
  return (
    <>
      <h1>Claims across all articles</h1>
      <ClaimSearchForm values={raw} errors={errors} />
      <div className="claims-layout">
        <div>{result && <ClaimResults result={result} raw={raw} />}</div>
        {result && (
          <Suspense fallback={<p className="muted">Counting speakers, sources and months…</p>}>
            <ClaimStats actor={actor} raw={raw} />
          </Suspense>
        )}
      </div>
    </>
  );
}
