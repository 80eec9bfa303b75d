/**
 * A multipart/form-data reader for the test server (image edits upload their images that way): text fields,
 * repeated ones as arrays, and files with their exact bytes, so tests can compare what was uploaded.
 */
import type { FormBody } from "./validate.js";

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** The boundary of a multipart content-type header, or undefined for other bodies. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function headerParam(header: string, name: string): string | undefined {
  const match =
    new RegExp(`${name}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(header) ??
    new RegExp(`${name}=([^;\\s]+)`, "i").exec(header);
  return match?.[1];
}

/** Parses a multipart body; throws on a malformed one (the server answers 400, as a real API would). */
export function parseMultipart(body: Buffer, boundary: string): { fields: FormBody["fields"]; files: UploadedFile[] } {
  const fields: FormBody["fields"] = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error("multipart body without its boundary");
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString("latin1") === "--") break; // closing delimiter
    const headerEnd = body.indexOf("\r\n\r\n", at);
    if (headerEnd < 0) throw new Error("multipart part without a header end");
    const headers = body.subarray(at, headerEnd).toString("utf8");
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) throw new Error("multipart body without its closing boundary");
    const data = body.subarray(headerEnd + 4, next - 2); // the part ends with CRLF before the delimiter
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = headerParam(disposition, "name");
    if (!name) throw new Error("multipart part without a name");
    const filename = headerParam(disposition, "filename");
    if (filename !== undefined) {
      const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
      files.push({ field: name, filename, contentType, bytes: Buffer.from(data) });
    } else {
      const value = data.toString("utf8");
      const old = fields[name];
      fields[name] = old === undefined ? value : Array.isArray(old) ? [...old, value] : [old, value];
    }
    at = next;
  }
  return { fields, files };
}
