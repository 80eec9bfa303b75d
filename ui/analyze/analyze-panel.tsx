/** The "Analyze selection" panel (a placeholder until its feature lands). */
import { ComingSoonPanel } from "../components/coming-soon-panel.js";

export function AnalyzePanel({ onOpenCode }: { onOpenCode(): void }) {
  return <ComingSoonPanel title="Analyze selection" what="Contrast, target sizes and text checks for the selected frames, and a vision model's critique." onOpenCode={onOpenCode} />;
}
