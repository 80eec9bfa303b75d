/** What codegen/format uses of @wasm-fmt/web_fmt, however it was loaded (web-fmt-load.ts). */
import type { format } from "@wasm-fmt/web_fmt";

export interface WebFmt {
  format: typeof format;
}
