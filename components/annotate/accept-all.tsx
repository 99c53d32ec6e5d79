"use client";

import { useState, useTransition } from "react";
import type { ClaimView } from "@/lib/data/views";

type Props = { pending: readonly ClaimView[]; onAcceptAll: (minConfidence: number) => Promise<string> };

/** "Accept all suggestions above N% confidence" for the untagged claims. */
export function AcceptAll({ pending, onAcceptAll }: Props) {
  const [percent, setPercent] = useState(80);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState("");
  const valid = Number.isFinite(percent) && percent >= 0 && percent <= 100;
  const eligible = valid ? pending.filter((c) => (c.suggestion?.confidence ?? 0) * 100 >= percent).length : 0;
  return (
    <div className="accept-all row">
      <label className="field inline">
        <span>Minimum confidence (%)</span>
        <input
          type="number"
          min={0}
          max={100}
          step={5}
          value={Number.isFinite(percent) ? percent : ""}
          onChange={(e) => setPercent(e.target.valueAsNumber)}
          className="percent-input"
        />
      </label>
      <button
        type="button"
        className="button"
        disabled={!valid || eligible === 0 || isPending}
        onClick={() => startTransition(async () => setMessage(await onAcceptAll(percent / 100)))}
      >
        Accept all suggestions above {valid ? percent : "…"}%
      </button>
      <span className="muted small">
        {eligible} of {pending.length} untagged claims qualify.
      </span>
      <span className="small" role="status">
        {message}
      </span>
    </div>
  );
}
