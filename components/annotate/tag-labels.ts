import type { ClaimTag } from "@/lib/schemas/claim";

export const TAG_LABELS: Record<ClaimTag, string> = { stated: "Stated", disputed: "Disputed", attributed: "Attributed" };
