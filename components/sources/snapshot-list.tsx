import type { SnapshotView } from "@/lib/data/source-views";
import { formatDateTime } from "@/components/ui/format";

/** A source's kept snapshots: when, what answered, and links to read it sanitised or download it. */
export function SnapshotList({ sourceId, snapshots }: { sourceId: string; snapshots: SnapshotView[] }) {
  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Snapshots</h2>
      {snapshots.length === 0 ? (
        <p className="muted">No snapshot yet: one is kept whenever an editor fetches the page’s details.</p>
      ) : (
        <ul className="plain-list">
          {snapshots.map((s) => (
            <li key={s.id}>
              {formatDateTime(s.fetchedAt)} · HTTP {s.httpStatus} · {s.contentType ?? "unknown type"} ·{" "}
              {Math.ceil(s.bytes / 1024)} KB
              {s.finalUrl && <span className="muted small"> · from {s.finalUrl}</span>}{" "}
              {s.isHtml && (
                <a href={`/api/v1/sources/${sourceId}/snapshots/${s.id}`} target="_blank" rel="noopener">
                  View snapshot of {formatDateTime(s.fetchedAt)}
                </a>
              )}{" "}
              <a href={`/api/v1/blobs/${s.sha256}`} download>
                Download
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
