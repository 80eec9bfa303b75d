import { afterEach, describe, expect, it, vi } from "vitest";
import { Cancelled, isCancelled } from "../kernel/cancelled.js";
import { isRequestTimeout, PendingRequests, requestTimeout } from "./requests.js";

afterEach(() => vi.useRealTimers());

function tracker() {
  const unknown: [string, string, boolean][] = [];
  const requests = new PendingRequests<string, number>({
    prefix: "t",
    onUnknown: (id, what, late) => void unknown.push([id, what, late]),
  });
  return { requests, unknown };
}

describe("PendingRequests", () => {
  it("gives each request a fresh id and settles the right one, in any order", async () => {
    const { requests } = tracker();
    const sent: string[] = [];
    const a = requests.open({ send: (id) => void sent.push(id) });
    const b = requests.open({ send: (id) => void sent.push(id) });
    expect(sent).toEqual([a.id, b.id]);
    expect(a.id).not.toBe(b.id);
    expect(a.id.startsWith("t-")).toBe(true);
    requests.settle(b.id, "B");
    requests.settle(a.id, "A");
    await expect(a.reply).resolves.toBe("A");
    await expect(b.reply).resolves.toBe("B");
    expect(requests.size).toBe(0);
  });

  it("passes events to its own request only, and fails one with its error", async () => {
    const { requests } = tracker();
    const seen: number[] = [];
    const a = requests.open({ send: () => undefined, onEvent: (p) => void seen.push(p) });
    const b = requests.open({ send: () => undefined });
    requests.event(a.id, 1);
    requests.event(b.id, 99);
    requests.event(a.id, 2);
    requests.fail(a.id, new Error("nope"));
    await expect(a.reply).rejects.toThrow("nope");
    expect(seen).toEqual([1, 2]);
    expect(requests.has(b.id)).toBe(true);
  });

  it("reports answers to unknown ids once, telling late answers from foreign ones", async () => {
    const { requests, unknown } = tracker();
    const a = requests.open({ send: () => undefined });
    requests.settle(a.id, "A");
    await a.reply;
    expect(requests.settle(a.id, "again")).toBe(false);
    expect(requests.event("nobody", 1)).toBe(false);
    expect(requests.fail("nobody", new Error("x"))).toBe(false);
    expect(unknown).toEqual([
      [a.id, "reply", true],
      ["nobody", "event", false],
      ["nobody", "error", false],
    ]);
  });

  it("cancel rejects at once, tells the other side, and ignores the late answer", async () => {
    const { requests, unknown } = tracker();
    const controller = new AbortController();
    const cancelled: string[] = [];
    const a = requests.open({
      send: () => undefined,
      signal: controller.signal,
      onCancel: (id) => void cancelled.push(id),
    });
    controller.abort();
    await expect(a.reply).rejects.toBeInstanceOf(Cancelled);
    expect(cancelled).toEqual([a.id]);
    requests.settle(a.id, "late");
    expect(unknown).toEqual([[a.id, "reply", true]]);
  });

  it("an already aborted signal never sends, so there is nothing to stop", async () => {
    const { requests } = tracker();
    const send = vi.fn();
    const onCancel = vi.fn();
    const { reply } = requests.open({ send, signal: AbortSignal.abort(), onCancel });
    const error = await reply.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it(
    "abortSettles 'answer': an abort only asks, and the " + "other side's events and answer still reach the caller",
    async () => {
      const { requests } = tracker();
      const controller = new AbortController();
      const seen: number[] = [];
      const asked: string[] = [];
      const a = requests.open({
        send: () => undefined,
        signal: controller.signal,
        abortSettles: "answer",
        onEvent: (n) => void seen.push(n),
        onCancel: (id) => void asked.push(id),
      });
      controller.abort();
      expect(asked).toEqual([a.id]);
      expect(requests.has(a.id)).toBe(true);
      requests.event(a.id, 7);
      requests.fail(a.id, new Cancelled("stopped after 7"));
      await expect(a.reply).rejects.toThrow(new Cancelled("stopped after 7"));
      expect(seen).toEqual([7]);
    },
  );

  it("times out with the given message and stops the other side", async () => {
    vi.useFakeTimers();
    const { requests } = tracker();
    const onCancel = vi.fn();
    const { id, reply } = requests.open({
      send: () => undefined,
      timeoutMs: 1000,
      timeoutMessage: "no answer from the main thread",
      onCancel,
    });
    const settled = expect(reply).rejects.toThrow(requestTimeout("no answer from the main thread"));
    vi.advanceTimersByTime(999);
    expect(requests.has(id)).toBe(true);
    vi.advanceTimersByTime(1);
    await settled;
    expect(isRequestTimeout(await reply.catch((error: unknown) => error))).toBe(true);
    expect(isRequestTimeout(new Error("no answer from the main thread"))).toBe(false);
    expect(onCancel).toHaveBeenCalledWith(id);
  });

  it("a send that throws rejects its request; failAll rejects everything pending", async () => {
    const { requests } = tracker();
    const broken = requests.open({
      send: () => {
        throw new Error("cannot post");
      },
    });
    await expect(broken.reply).rejects.toThrow("cannot post");
    const a = requests.open({ send: () => undefined });
    const b = requests.open({ send: () => undefined });
    requests.failAll(new Error("crashed"));
    await expect(a.reply).rejects.toThrow("crashed");
    await expect(b.reply).rejects.toThrow("crashed");
    expect(requests.size).toBe(0);
  });
});
