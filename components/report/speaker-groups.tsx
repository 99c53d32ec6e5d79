"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { SpeakerAliasView } from "@/lib/claims/speaker-names";
import { groupSpeakerAction, ungroupSpeakerAction } from "@/app/(app)/articles/[articleId]/report/actions";

type Props = { speakers: { name: string; variants: string[] }[]; aliases: SpeakerAliasView[] };

/** Editors group speaker names ("Russia's foreign ministry" under "Russia") for every article, or undo it. */
export function SpeakerGroups({ speakers, aliases }: Props) {
  const id = useId();
  const router = useRouter();
  const spellings = [...new Set(speakers.flatMap((s) => s.variants))].sort((a, b) => a.localeCompare(b));
  const groups = speakers.map((s) => s.name);
  const [name, setName] = useState(spellings[0] ?? "");
  const [canonical, setCanonical] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const relevant = aliases.filter((a) => groups.includes(a.canonical));

  const group = async (event: FormEvent) => {
    event.preventDefault();
    const result = await groupSpeakerAction({ name, canonical });
    if (!result.ok) return setMessage({ kind: "error", text: result.error.fields?.canonical?.[0] ?? result.error.message });
    setMessage({ kind: "ok", text: `“${name}” is now grouped under “${result.value.canonical}”.` });
    setCanonical("");
    router.refresh();
  };
  const ungroup = async (alias: string) => {
    const result = await ungroupSpeakerAction({ name: alias });
    setMessage(
      result.ok ? { kind: "ok", text: `“${alias}” is no longer grouped.` } : { kind: "error", text: result.error.message },
    );
    if (result.ok) router.refresh();
  };

  return (
    <div className="speaker-tools no-print">
      <h3>Group speaker names</h3>
      <p className="small muted">Groups apply to every article and to the claims dashboard.</p>
      <form className="row" onSubmit={(e) => void group(e)}>
        <label className="field">
          <span>Speaker name</span>
          <select value={name} onChange={(e) => setName(e.target.value)}>
            {spellings.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Group under</span>
          <input
            value={canonical}
            onChange={(e) => setCanonical(e.target.value)}
            list={`${id}-groups`}
            maxLength={300}
            required
          />
        </label>
        <datalist id={`${id}-groups`}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <button type="submit" className="button">
          Group
        </button>
      </form>
      {message && (
        <p className={`small ${message.kind === "error" ? "error" : ""}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {relevant.length > 0 && (
        <ul className="plain-list small">
          {relevant.map((a) => (
            <li key={a.alias}>
              “{a.alias}” is grouped under “{a.canonical}”{" "}
              <button type="button" className="link-button" onClick={() => void ungroup(a.alias)}>
                Ungroup “{a.alias}”
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
