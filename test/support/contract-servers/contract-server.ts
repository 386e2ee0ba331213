// A loopback HTTP server for contract tests: routes, scripted faults (error
// statuses, slow replies, dropped connections) and a log of what was asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ContractRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface ContractReply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  /** Real milliseconds to hold the reply (a slow provider). */
  delayMs?: number;
  /** Drop the connection without answering (a network failure). */
  drop?: boolean;
}

export interface Fault extends ContractReply {
  /** Tested against "METHOD /path?query". */
  match: RegExp;
  /** How many matching requests it answers (default 1). */
  times?: number;
}

export type Handler = (req: ContractRequest) => ContractReply | Promise<ContractReply>;

export class ContractServer {
  readonly requests: ContractRequest[] = [];
  /** The status of each reply sent, in order (0: connection dropped). */
  readonly statuses: number[] = [];
  private readonly faults: Fault[] = [];
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** Listens on 127.0.0.1 with a random port. */
  static async start(handler: Handler): Promise<ContractServer> {
    let self: ContractServer | undefined;
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON: the handler sees the text.
      }
      const url = new URL(req.url ?? '/', 'http://contract');
      const request: ContractRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      self?.requests.push(request);
      const reply =
        self?.takeFault(`${request.method} ${url.pathname}${url.search}`) ?? (await handler(request));
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      self?.statuses.push(reply.drop ? 0 : reply.status);
      if (reply.drop) {
        req.socket.destroy();
        return;
      }
      const isText = typeof reply.body === 'string';
      const payload =
        reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': isText ? 'text/plain' : 'application/json',
        ...reply.headers,
      });
      res.end(payload);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new ContractServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Answers the next matching request(s) with `fault` instead of the contract. */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Requests whose "METHOD /path" matches. */
  count(match: RegExp): number {
    return this.requests.filter((r) => match.test(`${r.method} ${r.path}`)).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private takeFault(line: string): ContractReply | undefined {
    const i = this.faults.findIndex((f) => f.match.test(line));
    if (i < 0) return undefined;
    const fault = this.faults[i]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(i, 1);
    return fault;
  }
}
