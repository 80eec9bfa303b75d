/**
 * The SD client's targets for the fuzz runner (ai/sdnext/fuzz.test.ts in the suite, bench/fuzz.ts at 10×): SD answers
 * recorded once from the SD test server and replayed mutated (test/fuzz: cut, dropped, stalled, fields
 * null/missing/retyped/huge, garbage, other statuses and content types, one-byte pieces): each case must end in a
 * result or a typed refusal in a sentence, never a raw JavaScript error or message, never a hang. Fixed seed.
 */
import { encodePng } from "../openai-server/png.js";
import { startSdNextServer, type SdServerOptions, type SdTestServer } from "../sdnext-server/server.js";
import type { FuzzTarget } from "./run-cases.js";
import { recordingFetch, type WireAnswer } from "./wire.js";
import { controlRender, img2img, testConnection, txt2img } from "../../ai/sdnext/client.js";
import { sdRequest, type SdConnection } from "../../ai/sdnext/http.js";
import { readProgress } from "../../ai/sdnext/read.js";

/** A stalled body fails after this long (the client's idle guard), well inside the runner's 5 s hang bound. */
const IDLE_MS = 50;

async function record(
  options: SdServerOptions,
  drive: (connection: SdConnection, server: SdTestServer) => Promise<unknown>,
): Promise<WireAnswer[]> {
  const server = await startSdNextServer(options);
  const { answers, fetchFn } = recordingFetch();
  try {
    await drive({ baseUrl: server.url, fetch: fetchFn }, server);
    return answers;
  } finally {
    await server.close();
  }
}

const replayed = (fetchFn: typeof fetch): SdConnection => ({
  baseUrl: "http://127.0.0.1:7860",
  fetch: fetchFn,
  idleMs: IDLE_MS,
});
const frame = new Uint8Array(encodePng(64, 48));
const prompt = { prompt: "a lighthouse", width: 64, height: 48, seed: 9, batchSize: 2 };

export async function sdTargets(): Promise<FuzzTarget<unknown>[]> {
  const txt = await record({}, (c) => txt2img(c, prompt));
  const img = await record({}, (c) =>
    img2img(c, { ...prompt, initImage: frame, denoisingStrength: 0.5, mask: { bytes: frame } }),
  );
  const control = await record({}, (c) =>
    controlRender(c, { ...prompt, controlImage: frame, units: [{ type: "canny" }] }),
  );
  const a1111 = await record({ flavour: "a1111" }, (c) =>
    controlRender(c, { ...prompt, controlImage: frame, units: [{ type: "scribble" }] }),
  );
  const connection = await record({}, (c) => testConnection(c));
  // A progress report while a job runs: the job is started outside the recording, two steps in.
  const progress = await record({}, async (c, server) => {
    server.next("/sdapi/v1/txt2img", { kind: "job", steps: 4, advance: "manual" });
    const job = fetch(`${server.url}/sdapi/v1/txt2img`, {
      method: "POST",
      body: JSON.stringify({ prompt: "x", width: 64, height: 64 }),
    });
    await server.jobStarted();
    server.step(2);
    await sdRequest(c, { method: "GET", path: "/sdapi/v1/progress" });
    server.step(2);
    await job;
  });
  return [
    { name: "txt2img", answers: txt, run: (f, signal) => txt2img(replayed(f), prompt, { signal }) },
    {
      name: "img2img",
      answers: img,
      run: (f, signal) =>
        img2img(
          replayed(f),
          { ...prompt, initImage: frame, denoisingStrength: 0.5, mask: { bytes: frame } },
          { signal },
        ),
    },
    {
      name: "control",
      answers: control,
      run: (f, signal) =>
        controlRender(replayed(f), { ...prompt, controlImage: frame, units: [{ type: "canny" }] }, { signal }),
    },
    {
      name: "a1111-controlnet",
      answers: a1111,
      run: (f, signal) =>
        controlRender(replayed(f), { ...prompt, controlImage: frame, units: [{ type: "scribble" }] }, { signal }),
    },
    { name: "connection", answers: connection, run: (f, signal) => testConnection(replayed(f), signal) },
    {
      name: "progress",
      answers: progress,
      run: async (f, signal) =>
        readProgress(await sdRequest(replayed(f), { method: "GET", path: "/sdapi/v1/progress", signal })),
    },
  ];
}
