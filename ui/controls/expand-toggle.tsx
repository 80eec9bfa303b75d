/**
 * Expand / Restore: switches the plugin window to the large working size (PANEL.expanded) and back to the
 * size it had before. Not remembered: the next open starts at the size the user last dragged to.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { PANEL } from "../../contract/limits.js";
import type { Bridge } from "../channel/bridge.js";
import { CollapseIcon, ExpandIcon } from "./icons.js";
import type { PanelSize } from "./resize-handle.js";

export interface PanelExpand {
  expanded: boolean;
  /** The window is already at least the expanded size (the user dragged it there). */
  large: boolean;
  toggle(): void;
  /** The user chose a size with the grip: that is the size now, nothing to restore. */
  forget(): void;
}

const windowSize = (): PanelSize => ({ width: window.innerWidth, height: window.innerHeight });

export function usePanelExpand(bridge: Bridge): PanelExpand {
  const [restoreTo, setRestoreTo] = useState<PanelSize | undefined>(undefined);
  const [size, setSize] = useState(windowSize);
  useEffect(() => {
    const update = () => setSize(windowSize());
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  const toggle = useCallback(() => {
    if (restoreTo) {
      bridge.send("resize", restoreTo);
      setRestoreTo(undefined);
    } else {
      setRestoreTo(windowSize());
      bridge.send("resize", { ...PANEL.expanded });
    }
  }, [bridge, restoreTo]);
  const forget = useCallback(() => setRestoreTo(undefined), []);
  const large = restoreTo === undefined && size.width >= PANEL.expanded.width && size.height >= PANEL.expanded.height;
  return { expanded: restoreTo !== undefined, large, toggle, forget };
}

export function ExpandToggle({ expand }: { expand: PanelExpand }) {
  const label = expand.expanded ? "Restore panel size" : "Expand panel";
  return (
    <button
      type="button"
      class="icon-button nav__expand"
      aria-label={label}
      title={
        expand.large
          ? "The panel is already large; drag the corner to resize it"
          : expand.expanded
            ? "Back to the size before Expand"
            : `Make the panel ${PANEL.expanded.width} × ${PANEL.expanded.height}`
      }
      disabled={expand.large}
      onClick={expand.toggle}
    >
      {expand.expanded ? <CollapseIcon /> : <ExpandIcon />}
    </button>
  );
}
