import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types";
import { rebaseTailwindClassUrls } from "./tailwind-urls";

const photo: SourceFile = { path: "src/assets/hero.jpg", content: "", bytes: new Uint8Array([0xff, 0xd8, 0xff]) };
const screen = (className: string, path = "src/screens/Hero.tsx"): SourceFile => ({
  path,
  content:
    `export function Hero() {\n` +
    `  return (\n` +
    `    <section className="${className}">\n` +
    `      <h1 className="text-white">Hi</h1>\n` +
    `    </section>\n` +
    `  );\n` +
    `}\n`,
});
const contentOf = (files: SourceFile[], path: string): string => files.find((f) => f.path === path)!.content;

describe("rebaseTailwindClassUrls", () => {
  it(
    "a class's URL written from the component's folder is made " +
      "relative to src/, where Tailwind compiles it, with a note",
    () => {
      const out = rebaseTailwindClassUrls([
        screen("[background:url(../assets/hero.jpg)_center_/_cover_no-repeat] h-[600px]"),
        photo,
      ]);
      expect(contentOf(out.files, "src/screens/Hero.tsx")).toContain(
        'className="[background:url(./assets/hero.jpg)_center_/_cover_no-repeat] h-[600px]"',
      );
      expect(out.problems).toEqual([
        {
          severity: "info",
          code: "tailwind-url",
          message:
            "url(../assets/hero.jpg) in a Tailwind class is now url(./assets/hero.jpg): Tailwind " +
            "compiles the class into src/tailwind.css, and the build resolves its URL from there",
          file: "src/screens/Hero.tsx",
          line: 3,
        },
      ]);
    },
  );

  it("keeps quotes and a query; a component two folders down gets the same path", () => {
    const out = rebaseTailwindClassUrls([
      screen("bg-[url('../../assets/hero.jpg?v=2')] bg-cover", "src/components/cards/Card.tsx"),
      photo,
    ]);
    expect(contentOf(out.files, "src/components/cards/Card.tsx")).toContain(
      "bg-[url('./assets/hero.jpg?v=2')] bg-cover",
    );
  });

  it("leaves what already resolves from the stylesheet, absolute and remote URLs, data: URLs and inline styles", () => {
    const inline: SourceFile = {
      path: "src/screens/Inline.tsx",
      content: 'export const Inline = () => <div style={{ backgroundImage: "url(../assets/hero.jpg)" }} />;\n',
    };
    const files = [
      screen(
        "[background:url(./assets/hero.jpg)_center] bg-[url(/hero.jpg)] " +
          "bg-[url(https://example.com/a.png)] bg-[url(data:image/png;base64,AAAA)]",
      ),
      inline,
      { path: "src/screens/Hero.module.css", content: ".root { background: url(../assets/hero.jpg); }\n" },
      photo,
    ];
    const out = rebaseTailwindClassUrls(files);
    expect(out.files).toEqual(files);
    expect(out.problems).toEqual([]);
  });

  it("resolves from the model's own Tailwind stylesheet: from src/styles/, ../assets/ is right as written", () => {
    const styles: SourceFile = { path: "src/styles/index.css", content: '/* app */\n@import "tailwindcss";\n' };
    const files = [
      screen("bg-[url(../assets/hero.jpg)]"),
      screen("bg-[url(./hero.jpg)]", "src/assets/Local.tsx"),
      styles,
      photo,
    ];
    const out = rebaseTailwindClassUrls(files);
    expect(contentOf(out.files, "src/screens/Hero.tsx")).toContain("bg-[url(../assets/hero.jpg)]");
    expect(contentOf(out.files, "src/assets/Local.tsx")).toContain("bg-[url(../assets/hero.jpg)]");
    expect(out.problems.map((p) => p.message)).toEqual([
      "url(./hero.jpg) in a Tailwind class is now url(../assets/hero.jpg): Tailwind compiles " +
        "the class into src/styles/index.css, and the build resolves its URL from there",
    ]);
  });

  it(
    "a URL that names no file from either folder is left " + "and reported: the built page would ask for it in vain",
    () => {
      const out = rebaseTailwindClassUrls([screen("bg-[url(../assets/missing.png)]"), photo]);
      expect(contentOf(out.files, "src/screens/Hero.tsx")).toContain("bg-[url(../assets/missing.png)]");
      expect(out.problems).toMatchObject([
        { severity: "warning", code: "tailwind-url", file: "src/screens/Hero.tsx", line: 3 },
      ]);
      expect(out.problems[0]!.message).toContain("names no file of the project");
    },
  );
});
