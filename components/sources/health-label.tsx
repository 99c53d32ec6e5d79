import type { HealthView } from "@/lib/data/source-views";
import { formatDateTime } from "@/components/ui/format";

const LABELS = { ok: "OK", redirected: "Redirected", gone: "Gone", unreachable: "Unreachable" } as const;

/** A source's last link check: its state, and on hover the message and time. */
export function HealthLabel({ health }: { health: HealthView }) {
  if (!health) return <span className="health health-none">Not checked</span>;
  const when = health.checkedAt ? `, checked ${formatDateTime(health.checkedAt)}` : "";
  return (
    <span className={`health health-${health.status}`} title={`${health.message ?? ""}${when}`}>
      {LABELS[health.status]}
    </span>
  );
}
