"use client";

import Link from "next/link";
import { useCallback, useMemo, useRef, useState } from "react";
import type { ArticleView, ClaimView, SourceLinkView } from "@/lib/data/views";
import { acceptSuggestionsAction, removeSourceAction } from "@/app/(app)/articles/[articleId]/actions";
import { ArticleText } from "@/components/annotate/article-text";
import { ClaimItem, type Conflict, type SaveState } from "@/components/annotate/claim-item";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { AcceptAll } from "@/components/annotate/accept-all";
import { evidenceMarks } from "@/components/annotate/evidence-marks";
import { SourceDialog } from "@/components/annotate/source-dialog";
import { type ClaimChanges, useClaimSaver } from "@/components/annotate/use-claim-saver";
import { formatDate } from "@/components/ui/format";

const IDLE: SaveState = { kind: "idle" };

/** The annotate page: the article with highlighted claims beside the list of claims. */
export function AnnotateWorkspace({ article, canEdit }: { article: ArticleView; canEdit: boolean }) {
  const [claims, setClaims] = useState(article.claims);
  const [selectedId, setSelectedId] = useState<string | null>(article.claims[0]?.id ?? null);
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [announcement, setAnnouncement] = useState("");
  const [sourceFor, setSourceFor] = useState<string | null>(null);
  const sourceOpener = useRef<HTMLButtonElement | null>(null);

  const replaceClaim = useCallback((next: ClaimView) => {
    setClaims((prev) => prev.map((c) => (c.id === next.id ? { ...next, sources: next.sources } : c)));
  }, []);
  const setSaveState = (claimId: string, state: SaveState) => setSaveStates((prev) => ({ ...prev, [claimId]: state }));

  const { save, adopt } = useClaimSaver(article.claims, {
    onSaving: (id) => setSaveState(id, { kind: "saving" }),
    onSaved: (claim, changes) => {
      replaceClaim(claim);
      setSaveState(claim.id, { kind: "saved" });
      setAnnouncement(
        changes.acceptSuggestion && claim.tag
          ? `Accepted the suggestion: ${TAG_LABELS[claim.tag]}.`
          : `Saved ${Object.keys(changes).join(" and ")}${changes.tag ? `: ${TAG_LABELS[changes.tag]}` : ""}.`,
      );
    },
    onConflict: (id, mine, theirs) => {
      replaceClaim(theirs);
      setSaveState(id, IDLE);
      setConflicts((prev) => ({ ...prev, [id]: { mine, theirs } }));
    },
    onError: (id, message) => setSaveState(id, { kind: "error", message }),
  });

  const onChange = useCallback(
    (claimId: string, changes: ClaimChanges) => {
      // Show the change at once; the save confirms it or reports the conflict.
      setClaims((prev) => prev.map((c) => (c.id === claimId ? { ...c, ...changes } : c)));
      void save(claimId, changes);
    },
    [save],
  );

  const onAccept = useCallback(
    (claimId: string) => {
      setClaims((prev) =>
        prev.map((c) => {
          const s = c.suggestion;
          if (c.id !== claimId || !s) return c;
          const isAttributed = s.tag === "attributed";
          return {
            ...c,
            tag: s.tag,
            speaker: isAttributed ? (c.speaker ?? s.speaker?.text ?? null) : c.speaker,
            cue: isAttributed ? (c.cue ?? s.cue?.text ?? null) : c.cue,
          };
        }),
      );
      void save(claimId, { acceptSuggestion: true });
    },
    [save],
  );

  const onAcceptAll = useCallback(
    async (minConfidence: number) => {
      const result = await acceptSuggestionsAction(article.id, { minConfidence });
      if (!result.ok) {
        setAnnouncement(result.error.message);
        return result.error.message;
      }
      const byId = new Map(result.value.map((c) => [c.id, c]));
      for (const c of result.value) adopt(c);
      setClaims((prev) => prev.map((c) => byId.get(c.id) ?? c));
      const message = `Accepted ${result.value.length} suggestion${result.value.length === 1 ? "" : "s"}.`;
      setAnnouncement(message);
      return message;
    },
    [adopt, article.id],
  );

  const onResolve = useCallback(
    (claimId: string, choice: "theirs" | "mine") => {
      const conflict = conflicts[claimId];
      setConflicts(({ [claimId]: _gone, ...rest }) => rest);
      if (!conflict) return;
      adopt(conflict.theirs);
      if (choice === "mine") onChange(claimId, conflict.mine);
      else setAnnouncement("Kept the other editor’s change.");
    },
    [adopt, conflicts, onChange],
  );

  const onAddSource = useCallback((claimId: string, opener: HTMLButtonElement) => {
    sourceOpener.current = opener;
    setSourceFor(claimId);
  }, []);

  const onSourceSaved = useCallback((claimId: string, link: SourceLinkView) => {
    setClaims((prev) => prev.map((c) => (c.id === claimId ? { ...c, sources: [...c.sources, link] } : c)));
    setSourceFor(null);
    setAnnouncement(`Source added: ${link.title ?? link.url}.`);
  }, []);

  const onRemoveSource = useCallback(async (claimId: string, linkId: string) => {
    const result = await removeSourceAction(linkId);
    if (!result.ok) {
      setSaveState(claimId, { kind: "error", message: result.error.message });
      return;
    }
    setClaims((prev) => prev.map((c) => (c.id === claimId ? { ...c, sources: c.sources.filter((s) => s.id !== linkId) } : c)));
    setAnnouncement("Source removed.");
  }, []);

  const tagged = useMemo(() => claims.filter((c) => c.tag !== null).length, [claims]);
  const marks = useMemo(() => evidenceMarks(claims), [claims]);
  const sourceClaim = claims.find((c) => c.id === sourceFor);

  return (
    <div className="workspace">
      <div className="workspace-head">
        <div>
          <h1>{article.title}</h1>
          <p className="muted small">
            {[article.publisher, article.author, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(" · ")}
            {article.url && /^https?:\/\//i.test(article.url) && (
              <>
                {" · "}
                <a href={article.url} target="_blank" rel="noopener noreferrer nofollow">
                  Original
                </a>
              </>
            )}
          </p>
        </div>
        <div className="row">
          <span className="progress-text">
            {tagged} of {claims.length} tagged
          </span>
          <Link href={`/articles/${article.id}/report`} className="button">
            Report
          </Link>
        </div>
      </div>
      {canEdit && <AcceptAll pending={claims.filter((c) => c.tag === null && c.suggestion !== null)} onAcceptAll={onAcceptAll} />}
      {!canEdit && <p className="notice">You are reading as a reviewer: tags and sources cannot be changed here.</p>}
      <div className="workspace-body">
        <section className="text-pane" aria-label="Article">
          <ArticleText text={article.revision.text} claims={claims} marks={marks} selectedId={selectedId} onSelect={setSelectedId} />
        </section>
        <section className="claims-pane" aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims</h2>
          <ol className="claim-list" aria-label="Claims">
            {claims.map((claim, index) => (
              <ClaimItem
                key={claim.id}
                claim={claim}
                index={index}
                isSelected={claim.id === selectedId}
                canEdit={canEdit}
                saveState={saveStates[claim.id] ?? IDLE}
                conflict={conflicts[claim.id]}
                onSelect={setSelectedId}
                onChange={onChange}
                onAccept={onAccept}
                onResolve={onResolve}
                onAddSource={onAddSource}
                onRemoveSource={onRemoveSource}
              />
            ))}
          </ol>
        </section>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <SourceDialog
        claimId={sourceFor}
        claimText={sourceClaim?.text ?? ""}
        onSaved={onSourceSaved}
        onClose={() => {
          setSourceFor(null);
          sourceOpener.current?.focus();
        }}
      />
    </div>
  );
}
