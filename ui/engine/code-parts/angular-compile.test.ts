/**
 * ngtsc with its compiler host in memory, as the code-angular part runs it in the engine worker: a frame's Angular
 * files compile strict with 0 errors into Ivy JavaScript against the declarations the build collects
 * (esbuild.angular-types.mjs), and a template binding to a missing member is the error Angular's compiler says.
 */
import { describe, expect, it } from "vitest";
import { withAngularApp } from "../../../codegen/emit/angular/app.js";
import { frameCode } from "../../../test/helpers/frame-code.js";
// @ts-expect-error: the build's own script, plain JavaScript
import { angularTypes } from "../../../esbuild.angular-types.mjs";
import { compileAngularInMemory, type Declaration } from "./angular-compile.js";

const declarations = angularTypes() as Declaration[];

describe("ngtsc in memory (the code-angular part)", { timeout: 120_000 }, () => {
  it("compiles the login frame's components strict, into Ivy instructions", async () => {
    const { files } = await frameCode("figmasharp-login.file.json", "101:3", "angular");
    const compiled = compileAngularInMemory(withAngularApp(files), declarations);
    expect(compiled.problems).toEqual([]);
    const page = compiled.files.find((f) => f.path === "src/app/screens/log-in-page.js");
    expect(page?.content).toMatch(/ɵɵdefineComponent/);
    expect(compiled.files.map((f) => f.path)).toContain("src/app/app.js");
  });

  it("says a template's binding to a missing member, with its file", () => {
    const broken = [
      {
        path: "src/app/app.ts",
        content:
          'import { Component } from "@angular/core";\n' +
          '@Component({ selector: "app-root", template: "<p>{{ title() }}</p>" })\nexport class App {}\n',
      },
    ];
    const compiled = compileAngularInMemory(broken, declarations);
    expect(compiled.problems.some((p) => p.severity === "error" && /title/.test(p.message))).toBe(true);
    expect(compiled.problems[0]?.file).toBe("src/app/app.ts");
  });
});
