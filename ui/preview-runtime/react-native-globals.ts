/**
 * React Native's runtime for the React Native preview (codegen/preview/react-native-preview.ts), bundled into
 * dist/react-native-runtime.js (esbuild.config.mjs, `react-native` aliased to react-native-web): the real React and
 * react-dom (react-native-web needs them, not the React preview's Preact), react-native-web, react-native-svg's web
 * build, a stand-in for expo-router's `Link` that asks the preview's main for the screen at its href, and a
 * MaskedView that masks (masked-view.ts). The preview runtime (runtime.ts) takes these modules as built-ins.
 * react-native-web writes `testID` as `data-testid`; the scorer reads `data-node-id`, so each rendered element gets
 * one beside it (an SVG shape's too: markNodeIds).
 */
import * as React from "react";
import * as jsxRuntime from "react/jsx-runtime";
import * as ReactDom from "react-dom";
import * as ReactDomClient from "react-dom/client";
import * as ReactNative from "react-native";
import * as ReactNativeSvg from "react-native-svg";
import MaskedView from "./masked-view.js";

/** The event a Link sends on press; the preview's main shows the screen whose route is `detail`. */
const NAVIGATE = "figment-navigate";

interface LinkProps {
  href: string;
  asChild?: boolean;
  children?: React.ReactNode;
}

/** expo-router's Link: its child (asChild) or a Text, pressing it navigates inside the preview. */
function Link({ href, asChild, children }: LinkProps): React.ReactNode {
  const go = (): void => {
    window.dispatchEvent(new CustomEvent(NAVIGATE, { detail: href }));
  };
  if (asChild && React.isValidElement<{ onPress?: () => void }>(children)) {
    return React.cloneElement(children, { onPress: go });
  }
  return React.createElement(ReactNative.Text, { onPress: go, role: "link" }, children);
}

/**
 * The element that draws a View's layer: the View, or the one SVG it holds alone (a vector's `<View testID><SvgXml/>`),
 * which is then one picture, as React's `<svg data-node-id>` is: layers inside it with no element of their own (the
 * shapes of an SVG Figma exported, whose markup names none) are drawn by it, not missing (the Code panel's Log-In
 * scored 66 % for its status bar's shapes).
 */
function drawnBy(el: Element): Element {
  const only = el.childElementCount === 1 ? el.firstElementChild : null;
  // Not an SVG that draws a layer of its own (an SVG file's component given its testID).
  const own = only?.hasAttribute("data-testid");
  return only?.tagName.toLowerCase() === "svg" && !own && !el.textContent?.trim() ? only : el;
}

function markNodeIds(root: ParentNode): void {
  for (const view of root.querySelectorAll("[data-testid]")) {
    const id = view.getAttribute("data-testid");
    const el = drawnBy(view);
    if (el !== view && view.hasAttribute("data-node-id")) view.removeAttribute("data-node-id");
    if (id !== null && el.getAttribute("data-node-id") !== id) el.setAttribute("data-node-id", id);
  }
  // An SvgXml's shapes keep the markup's `data-node-id`, which react-native-svg's parser camel-cases (`dataNodeId`):
  // the shape that draws the layer carries its id under the name the scorer reads.
  for (const el of root.querySelectorAll("svg *")) {
    const id = el.getAttribute("dataNodeId");
    if (id !== null && el.getAttribute("data-node-id") !== id) el.setAttribute("data-node-id", id);
  }
}

/** Copies each `data-testid` to `data-node-id` as React renders (before the page is measured). */
function watchNodeIds(): void {
  const observer = new MutationObserver(() => markNodeIds(document));
  observer.observe(document.documentElement, { subtree: true, childList: true, attributeFilter: ["data-testid"] });
}

watchNodeIds();

(globalThis as unknown as { FigmentReactNative: Record<string, object> }).FigmentReactNative = {
  react: React,
  "react/jsx-runtime": jsxRuntime,
  "react/jsx-dev-runtime": jsxRuntime,
  "react-dom": ReactDom,
  "react-dom/client": ReactDomClient,
  "react-native": ReactNative,
  "react-native-web": ReactNative,
  "react-native-svg": ReactNativeSvg,
  "expo-router": { Link, NAVIGATE },
  // Its own web build masks nothing: the preview's draws the mask (masked-view.ts).
  "@react-native-masked-view/masked-view": { default: MaskedView, __esModule: true },
};
