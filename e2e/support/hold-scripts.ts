import type { Page } from "@playwright/test";

/**
 * Holds back the page's scripts: what the server rendered shows, React is not there yet.
 * Returns the function that lets them load.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  return release;
}
