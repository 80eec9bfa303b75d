/**
 * "Design from a prompt": the Code panel's model job asked for a page from a brief instead of a frame. The file's
 * design system (its local variables and fonts, and the selected frames' as Generate exports them) goes with it as
 * data; the
 * answer is an ordinary HTML + Tailwind Code result in its own session, refined by conversation as a frame's is.
 * Preparing the request (prompt-page.ts) comes with the Insert as layers part, as the box does (issue 24's budget).
 */

/** What "Design" asks for: the brief, and whether a frame is selected to take the design system from. */
export interface PageAsk {
  page: { prompt: string; withSelection: boolean };
}

/** A designed page's session id: no layer of the file, so no score, and Regenerate never exports for it. */
export const PAGE_SESSION = "page:";
/** The preview's first screen of a designed page (it has no frame): a desktop viewport, 1280 × 900. */
export const PAGE_FRAME = { width: 1280, height: 900 } as const;
export const isPageSession = (frameId: string): boolean => frameId.startsWith(PAGE_SESSION);
