/**
 * What a component file's build context adds, the same in every framework's printer (React, Vue): its text and
 * visibility props, and its layers' ids derived from the instance's own id (`nodeId`), so each instance carries the
 * ids of its own layers.
 */
import type { DesignNode } from "../design/types.js";
import type { BuildContext } from "./build.js";
import { instanceKey, type ComponentDef, type ComponentPlan } from "./components.js";
import type { AttrValue } from "./vnode.js";

/**
 * The context of `def`'s own file. `nodeId` and `layerId` are the names of the instance's id and of the function
 * that makes a layer's id from it; `usesLayerIds` is called when a layer needs that function.
 */
export function componentFileContext(
  plan: ComponentPlan,
  def: ComponentDef,
  names: { nodeId: string; layerId: string },
  usesLayerIds: () => void,
): Pick<BuildContext, "textProp" | "textPropLines" | "visibleProp" | "layerId"> {
  return {
    textProp: (node: DesignNode) => plan.textProp(def, node),
    textPropLines: (node: DesignNode) => plan.textLines(def, node),
    visibleProp: (node: DesignNode) => plan.visibleProp(def, node),
    layerId: (id: string): AttrValue => {
      if (id === def.canonical.id) return { expr: names.nodeId, html: id };
      const key = instanceKey(def.canonical.id, id);
      if (key === undefined) return id;
      usesLayerIds();
      return { expr: `${names.layerId}(${JSON.stringify(key)})`, html: id };
    },
  };
}
