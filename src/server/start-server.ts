import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ServerApp } from "./server-app.ts";

export interface RunningServer {
  /** The port actually bound (differs from the one asked for when that was 0). */
  readonly port: number;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Serves `app` on Node's HTTP server; resolves once the port is bound. */
export function startServer(app: ServerApp, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off("error", reject);
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            // Idle keep-alive sockets would otherwise hold close() open until they time out.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
