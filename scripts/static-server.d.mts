import type { IncomingMessage, ServerResponse } from 'node:http';
export interface RequestLogEntry { method?: string; path: string; range?: string }
export interface StaticServerOptions {
  root: string;
  mounts?: Record<string, string>;
  port?: number;
  onRequest?: (entry: RequestLogEntry) => void;
  handle?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}
export declare function startStaticServer(options: StaticServerOptions): Promise<{ url: string; close: () => Promise<void> }>;
