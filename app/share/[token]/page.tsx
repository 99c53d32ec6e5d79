import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSharedReport } from "@/lib/data/share";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/components/ui/format";
import { ClaimReport } from "@/components/report/claim-report";

type Props = { params: Promise<{ token: string }> };

// Public (proxy.ts lets it through without a session): the token is the permission. Search
// engines are asked to keep out, and the page carries no control and no staff names.
export const metadata: Metadata = {
  title: "Shared claim report",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function SharedReportPage({ params }: Props) {
  const { token } = await params;
  const shared = await getSharedReport(token).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <main id="main" className="page shared-page">
      <p className="notice small no-print">
        A read-only claim report shared from Claimtrack
        {shared.expiresAt ? `, available until ${formatDateTime(shared.expiresAt)}` : ""}.
      </p>
      <ClaimReport report={shared.report} mode="shared" />
    </main>
  );
}
