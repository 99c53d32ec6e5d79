"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { FieldErrors } from "@/lib/errors";

/** Runs a source server action, keeps its message and field errors, and refreshes the page on success. */
export function useSourceAction() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ isError: boolean; message: string; fields: FieldErrors } | null>(null);

  function run<T>(action: () => Promise<ActionResult<T>>, success: (value: T) => string, after?: (value: T) => void) {
    startTransition(async () => {
      const result = await action().catch(() => null);
      if (!result) {
        setOutcome({ isError: true, message: "Could not reach the server; nothing was changed. Try again.", fields: {} });
      } else if (!result.ok) {
        setOutcome({ isError: true, message: result.error.message, fields: result.error.fields ?? {} });
      } else {
        setOutcome({ isError: false, message: success(result.value), fields: {} });
        if (after) after(result.value);
        else router.refresh();
      }
    });
  }

  return { run, isPending, outcome };
}
