/** The "Search frames" panel (a placeholder until its feature lands). */
import { ComingSoonPanel } from "../components/coming-soon-panel.js";

export function SearchPanel({ onOpenCode }: { onOpenCode(): void }) {
  return <ComingSoonPanel title="Search frames" what="Find frames in this file by what they show and say." onOpenCode={onOpenCode} />;
}
