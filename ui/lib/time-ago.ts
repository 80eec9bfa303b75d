/**
 * When something happened, in the panel's words: how long ago (History's list, the pending batches, saved code) and the
 * full date.
 */

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Whole seconds from `iso` to `now`; 0 for a time after now (a clock a little ahead). */
const elapsed = (iso: string, now: Date | number): number =>
  Math.max(0, Math.round((Number(now) - Date.parse(iso)) / 1000));

/** "just now", "5 min ago", "2 h ago", "3 d ago" (days without end). */
export function timeAgo(iso: string, now: Date | number): string {
  const seconds = elapsed(iso, now);
  if (seconds < MINUTE) return "just now";
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min ago`;
  if (seconds < DAY) return `${Math.floor(seconds / HOUR)} h ago`;
  return `${Math.floor(seconds / DAY)} d ago`;
}

/** As timeAgo for the last week, then the date ("Nov 3", with the year when not this one). */
export function relativeTime(iso: string, now: Date): string {
  if (elapsed(iso, now) < 7 * DAY) return timeAgo(iso, now);
  const at = new Date(iso);
  return at.toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    ...(at.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
  });
}

/** The full local date and time, for a tooltip or a note ("saved Nov 3, 2025, 4:05 PM"). */
export function fullDate(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}
