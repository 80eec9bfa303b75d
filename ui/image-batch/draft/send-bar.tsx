/** The batch's buttons: "Generate N images" starts the live run with the plan. Nothing is sent before a press. */
import type { DraftViewProps } from "./draft-props.js";
import { KeyNeeded } from "../../model/key-needed.js";

export function SendBar({ session, settings, hasKey, onOpenSettings }: DraftViewProps) {
  const { plan, prompts } = session.draft;
  const n = prompts.items.length;
  if (!hasKey) return <KeyNeeded what="Generating images" settings={settings} onOpenSettings={onOpenSettings} />;
  const blocked = plan ? undefined : n === 0 ? "No prompts yet: the template and rows make them" : "Fix what is marked above first";
  return (
    <div class="head-row draft-send">
      <span class="draft-grow" />
      <button type="button" class="button button--primary" disabled={!plan} title={blocked ?? "Starts the images one by one; you can cancel, and what finished is kept"} onClick={() => plan && session.run.start(plan)}>
        {n === 0 ? "Generate images" : n === 1 ? "Generate 1 image" : `Generate ${n} images`}
      </button>
    </div>
  );
}
