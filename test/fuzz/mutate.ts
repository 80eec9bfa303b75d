/**
 * Ways a server's answer goes wrong on the wire (issue 38): cut mid-event, mid-UTF-8 or mid-code-fence; no trailing
 * blank line; `[DONE]` then a held connection; a stall; a dropped connection; a field null, missing, of another type,
 * huge or not base64; an event of garbage, repeated, dropped or out of order; another status, body or content type;
 * the body in one-byte pieces. Each mutation is a function of a seeded Random, so a case is reproduced by its seed.
 */
import type { Random } from "./random.js";
import type { ReplayedAnswer, WireAnswer } from "./wire.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface Mutation {
  /** The operator's name, for the report. */
  op: string;
  answer: ReplayedAnswer;
}

export interface MutateOptions {
  /** The size of a "huge" value (default 2 MB; the bench's larger run asks for more). */
  hugeBytes?: number;
}

type Op = (answer: WireAnswer, random: Random, options: Required<MutateOptions>) => ReplayedAnswer;

const isStream = (answer: WireAnswer): boolean => (answer.headers["content-type"] ?? "").includes("event-stream");

/** The SSE body as its events (each block up to its blank line, the blank line included). */
function sseBlocks(text: string): string[] {
  return text.split(/(?<=\n\n)/).filter((block) => block.length > 0);
}

/** A byte offset in the body, weighted to land inside a multi-byte character, a code fence or an event's JSON. */
function cutPoint(body: Uint8Array, random: Random): number {
  if (body.length === 0) return 0;
  const roll = random.next();
  if (roll < 0.25) {
    const inside: number[] = [];
    for (let i = 1; i < body.length && inside.length < 512; i++) if (((body[i] ?? 0) & 0xc0) === 0x80) inside.push(i);
    if (inside.length > 0) return random.pick(inside);
  }
  if (roll < 0.45) {
    const text = decoder.decode(body);
    const fence = text.indexOf("```", random.int(0, Math.max(0, text.length - 1)));
    if (fence >= 0) return Math.min(body.length - 1, encoder.encode(text.slice(0, fence)).length + random.int(0, 4));
  }
  return random.int(0, body.length - 1);
}

const cut: Op = (answer, random) => ({
  ...answer,
  body: answer.body.slice(0, cutPoint(answer.body, random)),
  end: "close",
});
const dropped: Op = (answer, random) => ({
  ...answer,
  body: answer.body.slice(0, cutPoint(answer.body, random)),
  end: "error",
});
const stalled: Op = (answer, random) => ({
  ...answer,
  body: answer.body.slice(0, cutPoint(answer.body, random)),
  end: "hold",
});
const doneThenHold: Op = (answer) => ({ ...answer, end: "hold" });
const noTrailingBlank: Op = (answer) => {
  const text = decoder.decode(answer.body).replace(/\n+$/, "");
  return { ...answer, body: encoder.encode(text) };
};
const oneBytePieces: Op = (answer) => ({ ...answer, chunks: Array.from(answer.body, (byte) => Uint8Array.of(byte)) });
const randomPieces: Op = (answer, random) => {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < answer.body.length; ) {
    const size = random.int(1, 64);
    chunks.push(answer.body.slice(at, at + size));
    at += size;
  }
  return { ...answer, chunks };
};

/** Every place in a JSON value (an object's key or an array's index), depth first. */
function places(
  value: unknown,
  into: { holder: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [],
  depth = 0,
): typeof into {
  if (Array.isArray(value))
    value.forEach((item, index) => (into.push({ holder: value, key: index, depth }), places(item, into, depth + 1)));
  else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value))
      into.push({ holder: value as Record<string, unknown>, key, depth }), places(item, into, depth + 1);
  return into;
}

const hugeText = (bytes: number): string => "QUJD".repeat(Math.ceil(bytes / 4));

/** A value of another kind for a field. */
function replacement(
  random: Random,
  options: Required<MutateOptions>,
  old: unknown,
): { what: string; value: unknown } | "delete" {
  const roll = random.int(0, 15);
  switch (roll) {
    case 0:
      return { what: "null", value: null };
    case 1:
      return "delete";
    case 2:
      return { what: "number", value: random.pick([0, -1, 1.5, 1e308, 2147418176]) };
    case 3:
      return { what: "string", value: random.pick(["", "x", "%%%not base64%%%", "\u0000", "\ud800"]) };
    case 4:
      return { what: "bool", value: random.chance(0.5) };
    case 5:
      return { what: "array", value: random.pick([[], [null], [1, "a"], [{}]]) };
    case 6:
      return { what: "object", value: random.pick([{}, { type: "unknown" }, { length: 3 }]) };
    case 7:
      return { what: "huge", value: hugeText(options.hugeBytes) };
    case 8:
      return { what: "deep", value: Array.from({ length: 200 }).reduce<unknown>((inner) => [inner], 0) };
    case 9:
      return typeof old === "string"
        ? { what: "string-cut", value: old.slice(0, random.int(0, old.length)) }
        : { what: "null", value: null };
    case 10:
      return typeof old === "string"
        ? { what: "string-number", value: old.length }
        : { what: "string", value: String(old) };
    default:
      return {
        what: "same-kind-odd",
        value: Array.isArray(old)
          ? []
          : typeof old === "number"
            ? -old - 1
            : typeof old === "string"
              ? old.toUpperCase()
              : null,
      };
  }
}

/** One field of a JSON text changed; undefined when the text is not JSON or has no fields. */
function mutateJson(
  text: string,
  random: Random,
  options: Required<MutateOptions>,
): { what: string; text: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const all = places(value);
  if (all.length === 0) return undefined;
  // Deeper fields are where readers assume most; weight them up.
  const place = random.chance(0.6)
    ? random.pick(all.filter((p) => p.depth >= 1).concat(all.slice(0, 1)))
    : random.pick(all);
  const change = replacement(random, options, (place.holder as Record<string | number, unknown>)[place.key]);
  if (change === "delete") {
    if (Array.isArray(place.holder)) place.holder.splice(Number(place.key), 1);
    else delete place.holder[place.key as string];
    return { what: `delete ${String(place.key)}`, text: JSON.stringify(value) };
  }
  (place.holder as Record<string | number, unknown>)[place.key] = change.value;
  return { what: `${String(place.key)}=${change.what}`, text: JSON.stringify(value) };
}

/** A field of one event (a stream) or of the body (JSON, JSON lines) changed. */
const field: Op = (answer, random, options) => {
  const text = decoder.decode(answer.body);
  if (isStream(answer)) {
    const blocks = sseBlocks(text);
    const withData = blocks.map((block, index) => ({ block, index })).filter(({ block }) => /^data: [{[]/m.test(block));
    if (withData.length === 0) return answer;
    const { block, index } = random.pick(withData);
    const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
    const changed = mutateJson(data, random, options);
    if (!changed) return answer;
    blocks[index] = block.replace(data, () => changed.text);
    return { ...answer, body: encoder.encode(blocks.join("")) };
  }
  const lines = text.split("\n");
  if (lines.length > 2 && lines.every((line) => line === "" || line.startsWith("{"))) {
    const at = random.int(0, lines.length - 1);
    const changed = mutateJson(lines[at] ?? "", random, options);
    if (changed) lines[at] = changed.text;
    return { ...answer, body: encoder.encode(lines.join("\n")) };
  }
  const changed = mutateJson(text, random, options);
  return changed ? { ...answer, body: encoder.encode(changed.text) } : answer;
};

const GARBAGE = [
  "data: {not json\n\n",
  "data: \u0000\n\n",
  'event: error\ndata: {"error":{"message":{}}}\n\n',
  "data: [DONE]\n\n",
  ": keep-alive\n\n",
  "data: null\n\n",
  "data: 42\n\n",
  'data: {"type":"response.unknown_event"}\n\n',
  "event: error\ndata: null\n\n",
  'data: {"type":"error","message":null}\n\n',
];

/** An event of garbage, invalid UTF-8 bytes, or one event repeated, dropped or moved. */
const events: Op = (answer, random) => {
  const text = decoder.decode(answer.body);
  const blocks = isStream(answer) ? sseBlocks(text) : text.split(/(?<=\n)/);
  const at = random.int(0, blocks.length);
  const roll = random.int(0, 4);
  if (roll === 0) blocks.splice(at, 0, random.pick(GARBAGE));
  else if (roll === 1 && blocks.length > 0) blocks.splice(Math.min(at, blocks.length - 1), 1);
  else if (roll === 2 && blocks.length > 0) blocks.splice(at, 0, blocks[Math.min(at, blocks.length - 1)] ?? "");
  else if (roll === 3 && blocks.length > 1) {
    const [moved] = blocks.splice(random.int(0, blocks.length - 1), 1);
    blocks.splice(random.int(0, blocks.length), 0, moved ?? "");
  } else {
    const bytes = encoder.encode(blocks.join(""));
    const where = random.int(0, bytes.length);
    const bad = Uint8Array.of(0xff, 0xfe, 0xc3);
    const out = new Uint8Array(bytes.length + bad.length);
    out.set(bytes.slice(0, where));
    out.set(bad, where);
    out.set(bytes.slice(where), where + bad.length);
    return { ...answer, body: out };
  }
  return { ...answer, body: encoder.encode(blocks.join("")) };
};

const BODIES = [
  "",
  "{}",
  "null",
  "[]",
  '{"error":null}',
  '{"error":"string"}',
  '{"error":{"message":5}}',
  '{"error":{"message":{"nested":true}}}',
  "<html><body><h1>502 Bad Gateway</h1></body></html>",
  "Internal Server Error",
  '{"data":null}',
  '{"output":null}',
  '{"choices":null}',
];

/** Another status, body or content type. */
const status: Op = (answer, random) => {
  const code = random.pick([200, 200, 201, 204, 400, 401, 404, 409, 413, 429, 500, 502, 503]);
  const body = random.pick(BODIES);
  const type = random.pick(["application/json", "text/event-stream", "text/html", "text/plain", ""]);
  const headers: Record<string, string> = { ...answer.headers, "content-type": type };
  if (code === 429) headers["retry-after"] = random.pick(["1", "soon", "-5", "99999999999"]);
  return { status: code, headers, body: encoder.encode(body) };
};

/** The content type alone swapped: a stream labelled JSON, JSON labelled a stream. */
const contentType: Op = (answer, random) => ({
  ...answer,
  headers: { ...answer.headers, "content-type": random.pick(["application/json", "text/event-stream", "text/html"]) },
});

/** A huge value where the answer's longest text was (a base64 image most often). */
const hugeBase64: Op = (answer, random, options) => {
  const text = decoder.decode(answer.body);
  const longest = [...text.matchAll(/"([A-Za-z0-9+/=]{64,})"/g)].sort(
    (a, b) => (b[1]?.length ?? 0) - (a[1]?.length ?? 0),
  )[0];
  if (!longest?.[1]) return field(answer, random, options);
  const huge = random.chance(0.5) ? hugeText(options.hugeBytes) : `${hugeText(options.hugeBytes).slice(0, -3)}!*#`;
  return { ...answer, body: encoder.encode(text.replace(longest[1], () => huge)) };
};

const OPS: Record<string, { weight: number; op: Op; streamOnly?: boolean }> = {
  cut: { weight: 3, op: cut },
  dropped: { weight: 2, op: dropped },
  stalled: { weight: 1, op: stalled },
  "done-then-hold": { weight: 1, op: doneThenHold, streamOnly: true },
  "no-trailing-blank": { weight: 1, op: noTrailingBlank },
  "one-byte-pieces": { weight: 1, op: oneBytePieces },
  "random-pieces": { weight: 1, op: randomPieces },
  field: { weight: 8, op: field },
  events: { weight: 3, op: events },
  status: { weight: 2, op: status },
  "content-type": { weight: 1, op: contentType },
  "huge-base64": { weight: 1, op: hugeBase64 },
};

/** One mutation of `answer`, chosen by `random` among the operators that apply to it. */
export function mutateAnswer(answer: WireAnswer, random: Random, options: MutateOptions = {}): Mutation {
  const resolved = { hugeBytes: options.hugeBytes ?? 2_000_000 };
  const ops = Object.entries(OPS).filter(([, o]) => !o.streamOnly || isStream(answer));
  const total = ops.reduce((sum, [, o]) => sum + o.weight, 0);
  let roll = random.next() * total;
  for (const [name, o] of ops) {
    roll -= o.weight;
    if (roll < 0) return { op: name, answer: o.op(answer, random, resolved) };
  }
  const [name, o] = ops[0] ?? ["cut", OPS["cut"]!];
  return { op: name, answer: o.op(answer, random, resolved) };
}
