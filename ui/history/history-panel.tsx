/** The "History" panel (a placeholder until its feature lands). */
import { ComingSoonPanel } from "../components/coming-soon-panel.js";

export function HistoryPanel({ onOpenCode }: { onOpenCode(): void }) {
  return <ComingSoonPanel title="History" what="Every code result, image and analysis Figment made in this file." onOpenCode={onOpenCode} />;
}
