/**
 * What a handler of the panel's messages is (as ui/engine/jobs/job.ts is for the engine's jobs): one per message
 * the UI may send, in tables keyed by the names contract/messages.ts declares. A request's handler returns its
 * answer — the fields of the reply message REQUESTS names for it — and the session posts it with the request's id;
 * a refusal is thrown (a PluginError, or `Cancelled`), which the session sends as `error` on the request. A notice
 * (a message that expects no answer) is handled and answered by nobody. A table without a name's handler does not
 * compile (`Handlers`).
 */
import type { NoticeName, ReplyName, RequestName, ToMain, ToUi } from "../../contract/messages.js";
import type { JobHost } from "./job-host.js";

/** What a handler borrows of the session. */
export interface SessionContext extends JobHost {
  /** The stored API keys, which must never reach a layer's record, a stored batch or an error text. */
  secrets(): readonly string[];
}

export type Msg<K extends keyof ToMain> = { type: K } & ToMain[K];

/** A request's answer: its declared reply's fields, without the request id the session adds. */
export type Answer<K extends RequestName> = Omit<ToUi[ReplyName<K>], "requestId">;

export type RequestHandler<K extends RequestName> = (message: Msg<K>, session: SessionContext) => Promise<Answer<K>>;
export type NoticeHandler<K extends NoticeName> = (message: Msg<K>, session: SessionContext) => Promise<void> | void;

export type RequestHandlers = { [K in RequestName]: RequestHandler<K> };
export type NoticeHandlers = { [K in NoticeName]: NoticeHandler<K> };
/** Every message the UI may send, with its handler. */
export type Handlers = RequestHandlers & NoticeHandlers;
/** Some of the table: what one file of plugin/panel/ answers. */
export type SomeHandlers = Partial<Handlers>;
