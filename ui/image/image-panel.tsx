/** The "Generate image" panel (a placeholder until its feature lands). */
import { ComingSoonPanel } from "../components/coming-soon-panel.js";

export function ImagePanel({ onOpenCode }: { onOpenCode(): void }) {
  return <ComingSoonPanel title="Generate image" what="Describe an image, or use the selection as a reference, and place the result on the canvas." onOpenCode={onOpenCode} />;
}
