import { describe, expect, it } from "vitest";
import type { SdProblem } from "../../ai/sdnext/errors.js";
import { explainSdProblem, fieldLabel } from "./explain-sd.js";

describe("SD server problems in the panel's words", () => {
  it("says each one in one line with its next step, naming the flags the server needs", () => {
    const cases: [SdProblem, RegExp, RegExp][] = [
      [
        { type: "unreachable", url: "http://127.0.0.1:7860" },
        /Nothing answered at http:\/\/127\.0\.0\.1:7860/,
        /--api.*server URL in Settings/,
      ],
      [
        { type: "cors", url: "http://127.0.0.1:7860", server: undefined },
        /blocked the answers of the SD server at 127\.0\.0\.1:7860/,
        /--cors-origins null \(SD\.Next\) or --cors-allow-origins null \(AUTOMATIC1111\)/,
      ],
      [
        { type: "unauthorized", sentCredentials: true },
        /refused the user name and password \(401\)/,
        /--auth for SD\.Next, --api-auth for AUTOMATIC1111\) in Settings/,
      ],
      [{ type: "unauthorized", sentCredentials: false }, /asks for a user name and password/, /user:password/],
      [
        { type: "invalid-field", field: "cfg_scale", reason: "Input should be a valid number" },
        /refused CFG scale \(422\): Input should be a valid number/,
        /Change CFG scale/,
      ],
      [
        { type: "out-of-memory", detail: "CUDA out of memory" },
        /ran out of GPU memory/,
        /smaller size or fewer images/,
      ],
      [{ type: "empty-answer" }, /answered with no image/, /console/],
      [
        { type: "no-controlnet" },
        /^This server has no ControlNet: it cannot keep the frame's layout$/,
        /Use SD\.Next .* install AUTOMATIC1111's ControlNet extension \(sd-webui-controlnet\)/,
      ],
      [
        { type: "no-control-model", unit: "scribble", models: ["control_v11p_sd15_canny"] },
        /no ControlNet model for scribble/,
        /or pick another control type \(it has control_v11p_sd15_canny\)/,
      ],
    ];
    for (const [problem, title, hint] of cases) {
      const explained = explainSdProblem(problem);
      expect(explained.title, problem.type).toMatch(title);
      expect(explained.hint, problem.type).toMatch(hint);
    }
    expect(explainSdProblem({ type: "cors", url: "http://127.0.0.1:7860", server: "sdnext" }).hint).toContain(
      "--cors-origins null so it answers the plugin",
    );
    // ComfyUI's problems the SD servers share are not said as the SD server's.
    expect(explainSdProblem({ type: "cors", url: "http://127.0.0.1:8188", server: "comfyui" }).title).toBe(
      "The browser blocked the answers of ComfyUI at 127.0.0.1:8188",
    );
    expect(explainSdProblem({ type: "out-of-memory", detail: "Allocation on device" }).title).toBe(
      "The server ran out of GPU memory",
    );
  });

  it("names a refused field by its control", () => {
    expect(fieldLabel("sampler_name")).toBe("the sampler");
    expect(fieldLabel("init_images[0]")).toBe("the reference (the selection's picture)");
    expect(fieldLabel("hr_scale")).toBe("“hr_scale”");
  });
});
