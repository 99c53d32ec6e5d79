import Link from "next/link";
import type { SourceDetailView } from "@/lib/data/source-views";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { isHttpUrl } from "@/components/sources/source-title";
import { CredibilityBadge } from "@/components/sources/credibility-badge";
import { CredibilityForms } from "@/components/sources/credibility-forms";
import { HealthLabel } from "@/components/sources/health-label";
import { MergeForm } from "@/components/sources/merge-form";
import { SourceEditForm } from "@/components/sources/source-edit-form";
import { SourceTools } from "@/components/sources/source-tools";
import { SourceCitations } from "@/components/sources/source-citations";
import { SnapshotList } from "@/components/sources/snapshot-list";

type Props = {
  source: SourceDetailView;
  canEdit: boolean;
  canRate: boolean;
  mergeCandidates: { id: string; label: string }[];
  mergeSearch: string;
};

/** A source's page: what it is, who rates it, its link health, the claims citing it, snapshots, editing and merging. */
export function SourceDetail({ source, canEdit, canRate, mergeCandidates, mergeSearch }: Props) {
  const s = source;
  return (
    <article className="source-page stack">
      <p className="muted small">
        <Link href="/sources">← All sources</Link>
      </p>
      <div>
        <h1>{s.title ?? s.url}</h1>
        <p className="row">
          <CredibilityBadge credibility={s.credibility} showUnrated />
          {s.type && <span className="tag-pill">{s.type}</span>}
          {s.isWeb && <HealthLabel health={s.health} />}
        </p>
        <dl className="source-facts">
          <dt>{s.isWeb ? "URL" : "Identifier"}</dt>
          <dd>
            {s.isWeb && isHttpUrl(s.url) ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                {s.url}
              </a>
            ) : (
              <code>{s.url}</code>
            )}
            {!s.isWeb && <p className="muted small">Paste this identifier into a claim’s “Add source” dialog to cite it.</p>}
          </dd>
          {s.publisher && (
            <>
              <dt>Publisher</dt>
              <dd>{s.publisher}</dd>
            </>
          )}
          {s.author && (
            <>
              <dt>Author</dt>
              <dd>{s.author}</dd>
            </>
          )}
          <dt>Published</dt>
          <dd>{formatDate(s.publishedAt)}</dd>
          <dt>Accessed</dt>
          <dd>{formatDate(s.accessedAt)}</dd>
          {s.archiveUrl && isHttpUrl(s.archiveUrl) && (
            <>
              <dt>Archived</dt>
              <dd>
                <a href={s.archiveUrl} target="_blank" rel="noopener noreferrer nofollow">
                  {s.archiveUrl}
                </a>
                {s.archivedAt && <span className="muted small"> ({formatDateTime(s.archivedAt)})</span>}
              </dd>
            </>
          )}
          {s.health?.message && (
            <>
              <dt>Last link check</dt>
              <dd>
                {s.health.message}
                {s.health.checkedAt && <span className="muted small"> ({formatDateTime(s.health.checkedAt)})</span>}
              </dd>
            </>
          )}
          {s.file && (
            <>
              <dt>File</dt>
              <dd>
                <a href={`/api/v1/blobs/${s.file.sha256}`} download>
                  Download {s.file.fileName ?? "file"}
                </a>
                {s.file.size !== null && <span className="muted small"> ({Math.ceil(s.file.size / 1024)} KB)</span>}
              </dd>
            </>
          )}
          {s.description && (
            <>
              <dt>Description</dt>
              <dd>{s.description}</dd>
            </>
          )}
          {s.notes && (
            <>
              <dt>Notes</dt>
              <dd className="pre-line">{s.notes}</dd>
            </>
          )}
        </dl>
        {canEdit && s.isWeb && <SourceTools sourceId={s.id} />}
      </div>
      <SourceCitations claims={s.claims} />
      <CredibilityForms
        sourceId={s.id}
        domain={s.domain}
        ownRating={s.ownRating}
        domainRating={s.domainRating}
        canRate={canRate}
      />
      {s.isWeb && <SnapshotList sourceId={s.id} snapshots={s.snapshots} />}
      {canEdit && <SourceEditForm source={s} />}
      {canEdit && <MergeForm sourceId={s.id} candidates={mergeCandidates} search={mergeSearch} />}
    </article>
  );
}
