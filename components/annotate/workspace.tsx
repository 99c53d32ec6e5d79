"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ArticleView, ClaimView, SourceLinkView } from "@/lib/data/views";
import { type PackedClaim, unpackClaims } from "@/lib/claim-wire";
import { mergeClaimViews } from "@/lib/claims/versions";
import { hasSpeaker } from "@/lib/schemas/claim";
import type { PresenceView } from "@/lib/data/presence";
import { acceptSuggestionsAction, loadClaimsAction, removeSourceAction } from "@/app/(app)/articles/[articleId]/actions";
import { ArticleText, type TextSelection } from "@/components/annotate/article-text";
import { ClaimList } from "@/components/annotate/claim-list";
import type { ClaimHandlers, Conflict, SaveState } from "@/components/annotate/claim-item";
import { TAG_LABELS } from "@/components/annotate/tag-labels";
import { AcceptAll } from "@/components/annotate/accept-all";
import { evidenceMarks } from "@/components/annotate/evidence-marks";
import { SourceDialog } from "@/components/annotate/source-dialog";
import { ShortcutsDialog } from "@/components/annotate/shortcuts-dialog";
import { ActivityDialog } from "@/components/annotate/activity-dialog";
import { OrphanedClaims } from "@/components/annotate/orphaned-claims";
import { type ClaimChanges, useClaimSaver } from "@/components/annotate/use-claim-saver";
import { useSpanActions } from "@/components/annotate/use-span-actions";
import { useArticleEvents } from "@/components/annotate/use-article-events";
import { useWorkspaceKeys } from "@/components/annotate/use-workspace-keys";
import type { ShortcutAction } from "@/components/annotate/shortcuts";
import { isTypingTarget } from "@/components/annotate/shortcuts";
import { formatDate } from "@/components/ui/format";
import { ReviewBar } from "@/components/review/review-bar";
import { commentsChanged } from "@/components/review/comment-counts";
import { isHttpUrl } from "@/components/sources/source-title";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";

const IDLE: SaveState = { kind: "idle" };

/** The article as the page sends it: its claims packed (lib/claim-wire.ts), unpacked here once. */
type Props = { article: Omit<ArticleView, "claims"> & { claims: PackedClaim[] }; canEdit: boolean; viewerId: string | null };

/** The annotate page: the article with highlighted claims beside the list of claims. */
export function AnnotateWorkspace({ article, canEdit, viewerId }: Props) {
  const router = useRouter();
  const root = useRef<HTMLFieldSetElement>(null);
  const [initialClaims] = useState(() => unpackClaims(article.revision.text, article.claims));
  const [claims, setClaims] = useState(initialClaims);
  // For callbacks that run after a render: which claims are still there.
  const claimsRef = useRef(claims);
  useEffect(() => {
    claimsRef.current = claims;
  }, [claims]);
  const [selectedId, setSelectedId] = useState<string | null>(initialClaims[0]?.id ?? null);
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [announcement, setAnnouncement] = useState("");
  const [sourceFor, setSourceFor] = useState<string | null>(null);
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [people, setPeople] = useState<PresenceView[]>([]);
  const [newRevision, setNewRevision] = useState<number | null>(null);
  const [dialog, setDialog] = useState<"shortcuts" | "activity" | null>(null);
  const sourceOpener = useRef<HTMLButtonElement | null>(null);

  // Never an older view than the one shown (lib/claims/versions.ts): a save's answer can
  // arrive after a colleague's newer change to the same claim.
  const upsert = useCallback((views: ClaimView[]) => {
    if (views.length === 0) return;
    setClaims((prev) => mergeClaimViews(prev, views));
  }, []);
  const remove = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    setClaims((prev) => prev.filter((c) => !gone.has(c.id)));
  }, []);
  const setSaveState = (claimId: string, state: SaveState) => setSaveStates((prev) => ({ ...prev, [claimId]: state }));

  const { save, adopt, versionOf } = useClaimSaver(initialClaims, {
    onSaving: (id) => setSaveState(id, { kind: "saving" }),
    onSaved: (claim, changes) => {
      upsert([claim]);
      setSaveState(claim.id, { kind: "saved" });
      setAnnouncement(
        changes.acceptSuggestion && claim.tag
          ? `Accepted the suggestion: ${TAG_LABELS[claim.tag]}.`
          : changes.acknowledgeChange
            ? "Marked as re-read."
            : `Saved ${Object.keys(changes).join(" and ")}${changes.tag ? `: ${TAG_LABELS[changes.tag]}` : ""}.`,
      );
    },
    onConflict: (id, mine, theirs) => {
      upsert([theirs]);
      setSaveState(id, IDLE);
      setConflicts((prev) => ({ ...prev, [id]: { mine, theirs } }));
    },
    onError: (id, message, changes) => {
      setSaveState(id, { kind: "error", message });
      // A claim a colleague deleted while its note was being typed has no place left to
      // show the error: say it here, with the words, so they can be put elsewhere.
      if (!claimsRef.current.some((c) => c.id === id)) {
        const typed = (["note", "speaker", "cue"] as const).flatMap((k) => (typeof changes[k] === "string" ? [`${k}: “${changes[k]}”`] : []));
        setAnnouncement(`Not saved: the claim was deleted by a colleague while you were editing it.${typed.length > 0 ? ` You had typed ${typed.join(", ")}.` : ""}`);
      }
    },
  });

  // Span edits return claims with new versions; the saver must save against those.
  const upsertAndAdopt = useCallback(
    (views: ClaimView[]) => {
      views.forEach(adopt);
      upsert(views);
    },
    [adopt, upsert],
  );
  // A created or merged claim is selected and takes the keyboard focus: the button that
  // made it ("Create claim from selection") disappears with the selection.
  const selectAndFocus = useCallback((id: string | null) => {
    setSelectedId(id);
    if (id) requestAnimationFrame(() => document.getElementById(`claim-${id}`)?.focus());
  }, []);
  const span = useSpanActions({ articleId: article.id, text: article.revision.text, upsert: upsertAndAdopt, remove, select: selectAndFocus, announce: setAnnouncement, versionOf });

  const onChange = useCallback(
    (claimId: string, changes: ClaimChanges) => {
      // Show the change at once; the save confirms it or reports the conflict.
      const { acceptSuggestion: _a, acknowledgeChange, ...fields } = changes;
      // The server clears a claim's speaker and cue when it is tagged stated or its tag is cleared (lib/data/claims.ts).
      const ownVoice = "tag" in fields && !hasSpeaker(fields.tag ?? null) ? { speaker: null, cue: null } : {};
      setClaims((prev) =>
        prev.map((c) => (c.id === claimId ? { ...c, ...fields, ...ownVoice, ...(acknowledgeChange ? { anchorStatus: "anchored" as const, previousText: null } : {}) } : c)),
      );
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
          if (!hasSpeaker(s.tag)) return { ...c, tag: s.tag, speaker: null, cue: null };
          return { ...c, tag: s.tag, speaker: c.speaker ?? s.speaker?.text ?? null, cue: c.cue ?? s.cue?.text ?? null };
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
      upsertAndAdopt(result.value);
      const message = `Accepted ${result.value.length} suggestion${result.value.length === 1 ? "" : "s"}.`;
      setAnnouncement(message);
      return message;
    },
    [article.id, upsertAndAdopt],
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

  const onSourceSaved = useCallback((claimId: string, link: SourceLinkView) => {
    // The live event for this link may have brought it already.
    setClaims((prev) =>
      prev.map((c) => (c.id === claimId && !c.sources.some((s) => s.id === link.id) ? { ...c, sources: [...c.sources, link] } : c)),
    );
    setSourceFor(null);
    setAnnouncement(`Source added: ${link.title ?? link.url}.`);
  }, []);

  const claimById = useCallback((id: string) => claims.find((c) => c.id === id), [claims]);
  // What approval waits for (lib/data/review.ts): the review bar reloads when it changes and is saved.
  const isSaving = Object.values(saveStates).some((s) => s.kind === "saving");
  const readiness = isSaving ? null : `${claims.filter((c) => c.tag === null).length}:${claims.filter((c) => c.anchorStatus === "changed").length}`;

  const handlers: ClaimHandlers = useMemo(
    () => ({
      onSelect: setSelectedId,
      onChange,
      onAccept,
      onResolve,
      onAddSource: (claimId, opener) => {
        sourceOpener.current = opener;
        setSourceFor(claimId);
      },
      onRemoveSource: async (claimId, linkId) => {
        const result = await removeSourceAction(linkId);
        if (!result.ok) return setSaveState(claimId, { kind: "error", message: result.error.message });
        setClaims((prev) => prev.map((c) => (c.id === claimId ? { ...c, sources: c.sources.filter((s) => s.id !== linkId) } : c)));
        setAnnouncement("Source removed.");
      },
      onSplit: (claimId, at) => {
        const c = claimById(claimId);
        if (c) void span.split(c, at);
      },
      onMergeNext: (claimId) => {
        const i = claims.findIndex((c) => c.id === claimId);
        const [a, b] = [claims[i], claims[i + 1]];
        if (a && b) void span.merge(a, b);
      },
      onMove: (claimId, edge, direction) => {
        const c = claimById(claimId);
        if (c) void span.moveBoundary(c, edge, direction);
      },
      onDelete: (claimId) => {
        const c = claimById(claimId);
        if (c) void span.delete(c);
      },
      onToggleHistory: (claimId) => setHistoryFor((h) => (h === claimId ? null : claimId)),
    }),
    [claimById, claims, onAccept, onChange, onResolve, span],
  );

  useArticleEvents(article.id, {
    onClaims: async ({ all, claims: views, removedIds }) => {
      if (all) {
        const result = await loadClaimsAction(article.id);
        if (result.ok) return setClaims(result.value);
        return;
      }
      remove(removedIds);
      const active = document.activeElement;
      for (const v of views) {
        // Someone's draft in this claim's fields must still meet the version check on save.
        const isEditing = isTypingTarget(active) && active?.closest(`#claim-${CSS.escape(v.id)}`) !== null;
        if (!isEditing) adopt(v);
      }
      upsert(views);
    },
    onPresence: setPeople,
    onRevision: ({ number, actorId }) => {
      if (actorId !== viewerId) setNewRevision(number);
    },
    onOther: (type, data) => {
      const event = data as { claimId?: string | null; actorId?: string | null };
      if (type !== "comments") return router.refresh();
      if (event.actorId !== viewerId) commentsChanged(event.claimId ?? article.id);
    },
  });

  const selected = selectedId ? claimById(selectedId) : undefined;
  const readOnlyReason =
    article.reviewState === "approved"
      ? "This article is approved and read-only until a reviewer reopens it."
      : "You are reading as a reviewer: tags and sources cannot be changed here.";
  const focusField = (field: "speaker" | "cue" | "note") =>
    requestAnimationFrame(() => (document.querySelector(`#claim-${CSS.escape(selectedId ?? "")} [data-field="${field}"]`) as HTMLElement | null)?.focus());

  const onAction = (action: ShortcutAction) => {
    const index = selected ? claims.indexOf(selected) : -1;
    if (action === "help") return setDialog("shortcuts");
    if (action === "report") return router.push(`/articles/${article.id}/report`);
    if (action === "next" || action === "previous") {
      const next = claims[Math.min(claims.length - 1, Math.max(0, index + (action === "next" ? 1 : -1)))];
      if (next) selectAndFocus(next.id);
      return;
    }
    if (action === "undo") return canEdit ? void span.undo() : undefined;
    if (!selected) return;
    if (action === "history") return setHistoryFor((h) => (h === selected.id ? null : selected.id));
    if (!canEdit) return setAnnouncement(readOnlyReason);
    switch (action) {
      case "tag-stated":
        return onChange(selected.id, { tag: "stated" });
      case "tag-disputed":
        return onChange(selected.id, { tag: "disputed" });
      case "tag-attributed":
        return onChange(selected.id, { tag: "attributed" });
      case "tag-clear":
        return onChange(selected.id, { tag: null });
      case "accept":
        return selected.suggestion && selected.tag !== selected.suggestion.tag ? onAccept(selected.id) : setAnnouncement("No suggestion to accept.");
      case "speaker":
      case "cue":
        if (!hasSpeaker(selected.tag)) onChange(selected.id, { tag: "attributed" });
        return focusField(action);
      case "note":
        return focusField("note");
      case "source":
        sourceOpener.current = document.activeElement instanceof HTMLButtonElement ? document.activeElement : null;
        return setSourceFor(selected.id);
      case "split": {
        const at = caret !== null && caret > selected.start && caret < selected.end ? caret : selected.suggestion?.splitAt;
        return at ? void span.split(selected, at) : setAnnouncement("Click in the claim's text to place the caret, then press / to split there.");
      }
      case "merge": {
        const next = claims[index + 1];
        return next ? void span.merge(selected, next) : setAnnouncement("This is the last claim: nothing to merge with.");
      }
      case "start-left":
        return void span.moveBoundary(selected, "start", -1);
      case "start-right":
        return void span.moveBoundary(selected, "start", 1);
      case "end-left":
        return void span.moveBoundary(selected, "end", -1);
      case "end-right":
        return void span.moveBoundary(selected, "end", 1);
      case "delete": {
        const after = claims[index + 1] ?? claims[index - 1];
        void span.delete(selected);
        if (after) selectAndFocus(after.id);
        return;
      }
    }
  };
  useWorkspaceKeys(root, onAction);

  const tagged = useMemo(() => claims.filter((c) => c.tag !== null).length, [claims]);
  const marks = useMemo(() => evidenceMarks(claims), [claims]);
  const others = people.filter((p) => p.userId !== viewerId);
  const sourceClaim = claims.find((c) => c.id === sourceFor);
  const byline = [article.publisher, article.author, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(" · ");
  const original = article.url !== null && isHttpUrl(article.url) ? article.url : null;

  // Every control in it needs React: disabled until hydrated.
  return (
    <HydratedFieldset className="workspace" ref={root}>
      <div className="workspace-head">
        <div>
          <h1>{article.title}</h1>
          <p className="muted small">
            {byline}
            {original && (
              <>
                {byline && " · "}
                <a href={original} target="_blank" rel="noopener noreferrer nofollow">
                  Original
                </a>
              </>
            )}
            {(byline || original) && " · "}revision {article.revision.number}
          </p>
          <p className="presence small" aria-live="polite">
            {others.length > 0 ? `Also here: ${others.map((p) => p.name).join(", ")}` : "Nobody else is on this article."}
          </p>
        </div>
        <div className="row">
          <span className="progress-text">
            {tagged} of {claims.length} tagged
          </span>
          {canEdit && (
            <button type="button" className="button" onClick={() => void span.undo()} aria-keyshortcuts="z">
              Undo
            </button>
          )}
          <button type="button" className="button" onClick={() => setDialog("activity")}>
            Activity
          </button>
          <Link href={`/articles/${article.id}/revisions`} className="button">
            Revisions
          </Link>
          <button type="button" className="button" onClick={() => setDialog("shortcuts")} aria-keyshortcuts="?">
            Shortcuts
          </button>
          <Link href={`/articles/${article.id}/report`} className="button" aria-keyshortcuts="r">
            Report
          </Link>
        </div>
      </div>
      <ReviewBar articleId={article.id} reviewState={article.reviewState} readiness={readiness} />
      {newRevision !== null && (
        <p className="notice" role="status">
          Someone imported revision {newRevision} of this article.{" "}
          <button type="button" className="link-button" onClick={() => window.location.reload()}>
            Load it
          </button>
        </p>
      )}
      {canEdit && <AcceptAll pending={claims.filter((c) => c.tag === null && c.suggestion !== null)} onAcceptAll={onAcceptAll} />}
      {!canEdit && <p className="notice">{readOnlyReason}</p>}
      <div className="workspace-body">
        {/* Focusable so that keyboard users can scroll the text. */}
        <section className="text-pane" aria-label="Article" tabIndex={0}>
          {canEdit && (
            <p className="muted small">Select text to make it a claim; click inside a claim to place the caret for a split. Press ? for shortcuts.</p>
          )}
          <ArticleText
            text={article.revision.text}
            claims={claims}
            marks={marks}
            selectedId={selectedId}
            canEdit={canEdit}
            onSelect={setSelectedId}
            onSelection={(sel, at) => {
              // Only white space selected: there is no claim to make of it.
              setSelection(sel && article.revision.text.slice(sel.start, sel.end).trim() !== "" ? sel : null);
              setCaret(at);
            }}
            onDragBoundary={(edge, offset) => selected && void span.dragBoundary(selected, edge, offset)}
          />
          {canEdit && selection && (
            <div className="selection-bar" role="group" aria-label="Selected text">
              <span className="small">“{article.revision.text.slice(selection.start, Math.min(selection.end, selection.start + 60)).trim()}…”</span>
              <button
                type="button"
                className="button small primary"
                onClick={() => {
                  void span.createFromSelection(selection);
                  setSelection(null);
                  window.getSelection()?.removeAllRanges();
                }}
              >
                Create claim from selection
              </button>
            </div>
          )}
        </section>
        <section className="claims-pane" aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims</h2>
          <ClaimList
            claims={claims}
            selectedId={selectedId}
            canEdit={canEdit}
            isApproved={article.reviewState === "approved"}
            caret={caret}
            historyFor={historyFor}
            saveStates={saveStates}
            conflicts={conflicts}
            handlers={handlers}
          />
          <OrphanedClaims claims={article.orphaned} />
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
      <ShortcutsDialog isOpen={dialog === "shortcuts"} onClose={() => setDialog(null)} />
      <ActivityDialog articleId={article.id} isOpen={dialog === "activity"} canEdit={canEdit} onClose={() => setDialog(null)} onRestore={(id) => void span.restore(id)} />
    </HydratedFieldset>
  );
}
