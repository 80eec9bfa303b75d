/**
 * SD.Next test servers for a describe block: started with CORS on (the plugin's iframe is origin "null"), closed after
 * each test.
 */
import { afterEach } from "vitest";
import { startSdNextServer, type SdServerOptions, type SdTestServer } from "../sdnext-server/server.js";

export function useSdServers(): (options?: SdServerOptions) => Promise<SdTestServer> {
  let servers: SdTestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  return async (options = {}) => {
    const sd = await startSdNextServer({ cors: true, ...options });
    servers.push(sd);
    return sd;
  };
}
