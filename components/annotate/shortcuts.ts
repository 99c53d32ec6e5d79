/** Every keyboard shortcut of the annotate page, for the handler and the "?" overlay. */
export const SHORTCUTS = [
  { keys: ["j", "↓"], action: "next", label: "Next claim" },
  { keys: ["k", "↑"], action: "previous", label: "Previous claim" },
  { keys: ["1"], action: "tag-stated", label: "Tag Stated" },
  { keys: ["2"], action: "tag-disputed", label: "Tag Disputed" },
  { keys: ["3"], action: "tag-attributed", label: "Tag Attributed" },
  { keys: ["0"], action: "tag-clear", label: "Clear the tag (and the speaker and cue)" },
  { keys: ["a"], action: "accept", label: "Accept the suggestion" },
  { keys: ["s"], action: "speaker", label: "Edit the speaker (tags Attributed first)" },
  { keys: ["c"], action: "cue", label: "Edit the cue (tags Attributed first)" },
  { keys: ["n"], action: "note", label: "Edit the note" },
  { keys: ["o"], action: "source", label: "Add a source" },
  { keys: ["h"], action: "history", label: "Show the claim's history" },
  { keys: ["/"], action: "split", label: "Split at the caret, or at the suggested point" },
  { keys: ["m"], action: "merge", label: "Merge with the next claim" },
  { keys: ["["], action: "start-left", label: "Move the start one word left" },
  { keys: ["]"], action: "start-right", label: "Move the start one word right" },
  { keys: ["{"], action: "end-left", label: "Move the end one word left" },
  { keys: ["}"], action: "end-right", label: "Move the end one word right" },
  { keys: ["x", "Delete"], action: "delete", label: "Delete the claim (undo brings it back)" },
  { keys: ["z", "Ctrl+Z"], action: "undo", label: "Undo your last change" },
  { keys: ["r"], action: "report", label: "Open the claim report" },
  { keys: ["?"], action: "help", label: "Show these shortcuts" },
  { keys: ["Esc"], action: "escape", label: "Leave a field, close a dialog" },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]["action"];

const BY_KEY = new Map<string, ShortcutAction>([
  ["j", "next"],
  ["ArrowDown", "next"],
  ["k", "previous"],
  ["ArrowUp", "previous"],
  ["1", "tag-stated"],
  ["2", "tag-disputed"],
  ["3", "tag-attributed"],
  ["0", "tag-clear"],
  ["a", "accept"],
  ["s", "speaker"],
  ["c", "cue"],
  ["n", "note"],
  ["o", "source"],
  ["h", "history"],
  ["/", "split"],
  ["m", "merge"],
  ["[", "start-left"],
  ["]", "start-right"],
  ["{", "end-left"],
  ["}", "end-right"],
  ["x", "delete"],
  ["Delete", "delete"],
  ["z", "undo"],
  ["r", "report"],
  ["?", "help"],
]);

/**
 * The action a key press means, or null. Ctrl/Cmd+Z is undo; other modified keys are the
 * browser's, Ctrl/Cmd+Shift+Z among them: it means redo everywhere else, and an undo
 * there would take back a second change.
 */
export function actionForKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "z") return "undo";
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return BY_KEY.get(e.key) ?? null;
}

/** True when keys typed there are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(target.type);
}
