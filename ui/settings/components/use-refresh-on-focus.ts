/**
 * Calls `refresh` when the section is shown and whenever the panel's window regains focus or becomes visible
 * again: the mapping lives in the document, so a collaborator's save shows without reopening the plugin (Figma
 * sends plugins no event when shared plugin data changes).
 */
import { useEffect, useRef } from "preact/hooks";

export function useRefreshOnFocus(refresh: () => void): void {
  // The listeners stay for the section's life; they call the latest `refresh`.
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const onFocus = (): void => latest.current();
    const onVisibility = (): void => {
      if (document.visibilityState === "visible") latest.current();
    };
    onFocus();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);
}
