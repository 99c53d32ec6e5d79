import { expect, test } from "@playwright/test";
import { signIn } from "../support/login";
import { importThroughForm } from "../support/import";
import { holdScripts } from "../support/hold-scripts";

// The server paints the annotate page before React has attached a single handler. Its
// controls must not take a click they cannot act on: they stay disabled until hydration
// (components/ui/hydrated-fieldset.tsx), and the first click after it works.

test("the workspace's controls are disabled until React has hydrated them, then work at the first click", async ({ page }) => {
  await signIn(page, "editor");
  const articleId = await importThroughForm(page, `Before hydration ${Date.now()}`);

  const release = await holdScripts(page);
  await page.goto(`/articles/${articleId}`, { waitUntil: "commit" });
  const first = page.getByRole("list", { name: "Claims" }).getByRole("listitem").first();
  const addSource = first.getByRole("button", { name: "Add source" });
  const shortcuts = page.getByRole("button", { name: "Shortcuts" });
  const stated = first.getByRole("radio", { name: "Stated" });
  await expect(addSource).toBeVisible();
  // No publisher, author, date or URL: the line under the title says only the revision.
  await expect(page.locator(".workspace-head .muted.small").first()).toHaveText("revision 1");
  await expect(page.locator("fieldset.workspace")).not.toHaveAttribute("data-hydrated");
  await expect(addSource).toBeDisabled();
  await expect(shortcuts).toBeDisabled();
  await expect(stated).toBeDisabled();

  release();
  await expect(page.locator("fieldset.workspace")).toHaveAttribute("data-hydrated", "true");
  await expect(addSource).toBeEnabled();
  await expect(shortcuts).toBeEnabled();
  await expect(stated).toBeEnabled();
  // One click, no retry: once enabled, the handler is there.
  await addSource.click();
  await expect(page.getByRole("dialog", { name: "Add source" })).toBeVisible();
});
