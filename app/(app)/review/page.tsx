import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listReviewQueue } from "@/lib/data/review";
import { ReviewQueue } from "@/components/review/review-queue";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const actor = await requirePageActor("review:decide", "/review");
  return <ReviewQueue articles={await listReviewQueue(actor)} />;
}
