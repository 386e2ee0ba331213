// Upstash Redis REST as documented (https://upstash.com/docs/redis/features/restapi):
// POST / with the command as a JSON array, POST /pipeline with an array of them,
// `Authorization: Bearer <token>`, replies {"result": …} or {"error": …}; with
// `Upstash-Encoding: base64` string results come base64-encoded ("OK" excepted).
import { type ContractReply, type ContractRequest, ContractServer } from './contract-server.ts';

type Value = { kind: 'string'; value: string } | { kind: 'hash'; fields: Map<string, string> };
type Result = string | number | null | Result[];

class CommandError extends Error {}

/** An in-memory Redis subset (strings, hashes, expiry) behind the Upstash REST shape. */
export class UpstashContract {
  private readonly data = new Map<string, Value & { expiresAt?: number }>();
  /** Every SET and DEL of a string key, in order: who set what until when. */
  readonly history: { at: number; key: string; op: 'set' | 'del'; expiresAt?: number }[] = [];

  private constructor(
    readonly server: ContractServer,
    private readonly options: { token: string; clock: () => number },
  ) {}

  static async start(options: { token: string; clock: () => number }): Promise<UpstashContract> {
    let self: UpstashContract | undefined;
    const server = await ContractServer.start((req) => self!.handle(req));
    self = new UpstashContract(server, options);
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** Every live key. */
  keys(): string[] {
    return [...this.data.keys()].filter((k) => this.live(k));
  }

  /** The intervals during which `key` existed, from SET/DEL history and expiries. */
  presence(key: string, until: number): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const events = this.history.filter((h) => h.key === key);
    events.forEach((h, i) => {
      if (h.op !== 'set') return;
      const next = events[i + 1]?.at ?? until;
      const end = Math.min(next, h.expiresAt ?? Number.POSITIVE_INFINITY, until);
      if (end > h.at) out.push({ start: h.at, end });
    });
    return out;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(req: ContractRequest): ContractReply {
    if (req.headers.authorization !== `Bearer ${this.options.token}`) {
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    if (req.method !== 'POST') return { status: 405, body: { error: 'ERR only POST is served here' } };
    const base64 = req.headers['upstash-encoding'] === 'base64';
    const run = (cmd: unknown): { result?: Result; error?: string } => {
      try {
        if (!Array.isArray(cmd) || cmd.length === 0)
          throw new CommandError('ERR the body must be a command array');
        const result = this.exec(cmd.map(String));
        return { result: base64 ? encode(result) : result };
      } catch (err) {
        if (err instanceof CommandError) return { error: err.message };
        throw err;
      }
    };
    if (req.path === '/pipeline') {
      if (!Array.isArray(req.body))
        return { status: 400, body: { error: 'ERR the body must be an array of commands' } };
      return { status: 200, body: req.body.map(run) };
    }
    if (req.path !== '/') return { status: 404, body: { error: `ERR no route ${req.path}` } };
    const reply = run(req.body);
    return { status: reply.error ? 400 : 200, body: reply };
  }

  private exec([name, ...args]: string[]): Result {
    const now = this.options.clock();
    switch (name?.toUpperCase()) {
      case 'PING':
        return 'PONG';
      case 'GET': {
        const v = this.get(args[0]!);
        if (v && v.kind !== 'string') throw new CommandError('WRONGTYPE not a string');
        return v?.value ?? null;
      }
      case 'SET': {
        const [key, value, ...opts] = args;
        let expiresAt: number | undefined;
        for (let i = 0; i < opts.length; i += 2) {
          const n = Number(opts[i + 1]);
          if (!Number.isInteger(n) || n <= 0) throw new CommandError('ERR invalid expire time');
          const opt = opts[i]!.toUpperCase();
          if (opt === 'EX') expiresAt = now + n * 1000;
          else if (opt === 'PX') expiresAt = now + n;
          else throw new CommandError(`ERR syntax error near ${opts[i]}`);
        }
        this.data.set(key!, { kind: 'string', value: value!, expiresAt });
        this.history.push({ at: now, key: key!, op: 'set', expiresAt });
        return 'OK';
      }
      case 'DEL':
        for (const key of args) this.history.push({ at: now, key, op: 'del' });
        return args.filter((k) => this.live(k) && this.data.delete(k)).length;
      case 'HSET': {
        const [key, ...pairs] = args;
        if (pairs.length === 0 || pairs.length % 2 !== 0)
          throw new CommandError('ERR wrong number of arguments');
        const v = this.get(key!) ?? { kind: 'hash' as const, fields: new Map<string, string>() };
        if (v.kind !== 'hash') throw new CommandError('WRONGTYPE not a hash');
        let added = 0;
        for (let i = 0; i < pairs.length; i += 2) {
          if (!v.fields.has(pairs[i]!)) added++;
          v.fields.set(pairs[i]!, pairs[i + 1]!);
        }
        this.data.set(key!, { ...v, expiresAt: this.data.get(key!)?.expiresAt });
        return added;
      }
      case 'HGETALL': {
        const v = this.get(args[0]!);
        if (v && v.kind !== 'hash') throw new CommandError('WRONGTYPE not a hash');
        return v ? [...v.fields].flat() : [];
      }
      case 'HDEL': {
        const v = this.get(args[0]!);
        if (v?.kind !== 'hash') return 0;
        return args.slice(1).filter((f) => v.fields.delete(f)).length;
      }
      case 'PEXPIRE':
      case 'EXPIRE': {
        const entry = this.live(args[0]!) ? this.data.get(args[0]!) : undefined;
        if (!entry) return 0;
        entry.expiresAt = now + Number(args[1]) * (name.toUpperCase() === 'EXPIRE' ? 1000 : 1);
        return 1;
      }
      case 'PTTL': {
        const entry = this.live(args[0]!) ? this.data.get(args[0]!) : undefined;
        return !entry ? -2 : entry.expiresAt === undefined ? -1 : entry.expiresAt - now;
      }
      default:
        throw new CommandError(`ERR unknown command '${name}'`);
    }
  }

  private get(key: string): Value | undefined {
    return this.live(key) ? this.data.get(key) : undefined;
  }

  private live(key: string): boolean {
    const v = this.data.get(key);
    if (v?.expiresAt !== undefined && v.expiresAt <= this.options.clock()) this.data.delete(key);
    return this.data.has(key);
  }
}

function encode(r: Result): Result {
  if (typeof r === 'string') return r === 'OK' ? r : Buffer.from(r, 'utf8').toString('base64');
  return Array.isArray(r) ? r.map(encode) : r;
}
