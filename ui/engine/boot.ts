/**
 * A lighter worker start: the packed codegen script (gzip+base64, ~3 MB, from the main thread) is unpacked in
 * the worker instead of the panel. Unpacking in the panel (base64, gunzip, 9 MB of text into a Blob) blocked
 * its thread for ~100–200 ms right when the idle warm-up runs, which is often when the user clicks Generate;
 * now the panel only hands a string over. A tiny bootstrap script starts the worker: it unpacks the payload,
 * runs it with importScripts, then hands the messages that arrived meanwhile (the host's ping) to the codegen
 * worker's own handler. A failure is thrown uncaught, so the host hears it as the worker's error event.
 */

/** The first message to a bootstrapped worker: the packed script. */
export interface BootMessage {
  figmentBoot: string;
}

/** Plain ES5-style JS, run as the worker's script (not bundled, so it is written for the worker global). */
export const BOOTSTRAP_SOURCE =
  `"use strict";
var waiting = [];
self.onmessage = function (event) {
  var data = event.data;
  if (data && typeof data.figmentBoot === "string") boot(data.figmentBoot);
  else waiting.push(event);
};
function bytesOf(base64) {
  var compact = base64.replace(/\\s+/g, "");
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(compact);
  var binary = atob(compact);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
function fail(error) {
  setTimeout(function () { throw error instanceof Error ? error : new Error(String(error)); });
}
function boot(packed) {
  var started = performance.now();
  var bootHandler = self.onmessage;
  var stream;
  try {
    stream = new Blob([bytesOf(packed)]).stream().pipeThrough(new DecompressionStream("gzip"));
  } catch (error) {
    return fail(new Error("the code generator could not be unpacked: " + (error && error.message ? error.message : ` +
  `String(error))));
  }
  new Response(stream).blob().then(function (script) {
    var url = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
    self.__figmentDecodeMs = performance.now() - started;
    try {
      importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    var handler = self.onmessage;
    if (handler === bootHandler) throw new Error("the code generator did not start (it set no message handler)");
    waiting.splice(0).forEach(function (event) { handler.call(self, event); });
  }).catch(function (error) {
    fail(new Error("the code generator could not be unpacked: " + (error && error.message ? error.message : ` +
  `String(error))));
  });
}
`;

/** The time the bootstrap spent unpacking, read by the engine worker for its pong (undefined without one). */
export function bootDecodeMs(scope: unknown): number | undefined {
  const value = (scope as { __figmentDecodeMs?: unknown }).__figmentDecodeMs;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A worker that unpacks `packed` itself; `bootUrl` is the bootstrap's Blob URL (made once per panel). */
export function startBootstrapped(bootUrl: string, packed: string, create: (url: string) => Worker): Worker {
  const worker = create(bootUrl);
  worker.postMessage({ figmentBoot: packed } satisfies BootMessage);
  return worker;
}

/** The bootstrap's Blob URL. */
export function bootstrapUrl(): string {
  return URL.createObjectURL(new Blob([BOOTSTRAP_SOURCE], { type: "text/javascript" }));
}
