/**
 * A test server's answer to a section's request (issue 74), in each target, as the section's rule asks
 * (ai/code/sections/targets.ts sectionShape): a Vue or Svelte component, an HTML fragment and its CSS, an Angular
 * standalone component (its .ts, template and stylesheet), a React Native component with its StyleSheet. `broken`: the
 * Angular template names a member the component lacks, which Angular's compiler (strict templates) refuses.
 */
import type { RecordedRequest } from "../openai-server/server.js";
import { instructionsOf } from "../openai-server/request-content.js";
import { angularName, sectionFiles } from "../../ai/code/sections/targets.js";
import type { Target } from "../../codegen/targets.js";

/** The component a section's request writes, read from its rule (`src/sections/<C>.…` or `export class <C>`). */
export function sectionComponentOf(req: RecordedRequest): string {
  const m = /src\/sections\/(\w+)\.(?:tsx|vue|svelte|html)|`export class (\w+)`/.exec(instructionsOf(req))!;
  return (m[1] ?? m[2])!;
}

type File = { path: string; content: string };

function angularFiles(component: string, broken: boolean): File[] {
  const files = sectionFiles(component, "angular");
  const name = angularName(component);
  const script = [
    'import { Component } from "@angular/core";',
    "",
    "@Component({",
    `  selector: "app-${name}",`,
    `  templateUrl: "./${name}.html",`,
    `  styleUrl: "./${name}.css",`,
    "})",
    `export class ${component} {`,
    `  protected readonly title = "${component}";`,
    "}",
    "",
  ].join("\n");
  const title = broken ? "{{ subtitle() }}" : "{{ title }}";
  return [
    { path: files.main, content: script },
    { path: files.template!, content: `<section class="root"><h2>${title}</h2></section>\n` },
    { path: files.css!, content: ".root {\n  display: flex;\n}\n" },
  ];
}

function reactNativeFiles(component: string): File[] {
  const content = [
    'import { StyleSheet, Text, View } from "react-native";',
    "",
    `export function ${component}() {`,
    "  return (",
    "    <View style={styles.root}>",
    `      <Text style={styles.title}>${component}</Text>`,
    "    </View>",
    "  );",
    "}",
    "",
    "const styles = StyleSheet.create({",
    '  root: { flexDirection: "row" },',
    "  title: { fontSize: 24 },",
    "});",
    "",
  ].join("\n");
  return [{ path: sectionFiles(component, "react-native").main, content }];
}

function webFiles(target: "vue" | "svelte" | "html", component: string): File[] {
  if (target === "html")
    return [
      {
        path: `src/sections/${component}.html`,
        content: `<section class="${component}"><h2>${component}</h2></section>`,
      },
      { path: `src/sections/${component}.css`, content: `.${component} {\n  display: flex;\n}\n` },
    ];
  const markup =
    target === "vue"
      ? `<template>\n  <section class="root"><h2>${component}</h2></section>\n</template>\n`
      : `<section class="root"><h2>${component}</h2></section>\n`;
  const style = `\n<style${target === "vue" ? " scoped" : ""}>\n.root {\n  display: flex;\n}\n</style>\n`;
  return [{ path: `src/sections/${component}.${target}`, content: markup + style }];
}

/** A section's answer in `target` (not React), as the reply's JSON text. */
export function targetSectionAnswer(
  target: Exclude<Target, "react">,
  component: string,
  { broken = false }: { broken?: boolean } = {},
): string {
  const files =
    target === "angular"
      ? angularFiles(component, broken)
      : target === "react-native"
        ? reactNativeFiles(component)
        : webFiles(target, component);
  return JSON.stringify({ notes: `${component} drawn`, files });
}
