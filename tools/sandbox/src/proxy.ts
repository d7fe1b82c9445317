import { once } from 'node:events';
import {
  Agent,
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { errorForFault, renderAwsError } from './aws-errors.js';
import { type AwsRequest, parseAwsRequest } from './aws-request.js';
import { MANAGEMENT_ACCOUNT_ID } from './constants.js';
import { FaultBook } from './faults.js';
import { motoFixup } from './moto-fixups.js';
import { type SyntheticContext, type SyntheticOperation, syntheticKey } from './synthetic.js';

/** Delay added to every AWS call: `fixedMs` plus a uniform random share of `jitterMs`. */
export const LatencySchema = z.object({
  fixedMs: z.number().min(0).default(0),
  jitterMs: z.number().min(0).default(0),
});
export type Latency = z.output<typeof LatencySchema>;
export type LatencyInput = z.input<typeof LatencySchema>;

export interface RequestCount {
  service: string;
  operation: string;
  region: string;
  account: string;
  count: number;
  /** How many of them a fault rule answered. */
  faults: number;
}

export interface RequestCounts {
  total: number;
  faults: number;
  counts: RequestCount[];
}

/** Admin API prefix; these requests are never counted, delayed or faulted. */
export const ADMIN_PREFIX = '/__sandbox/';

export interface ProxyOptions {
  /** moto's URL. */
  upstream: string;
  latency?: LatencyInput;
  synthetic?: readonly SyntheticOperation[];
}

export interface SandboxProxy {
  endpoint: string;
  /** Hands synthetic handlers (and GET /__sandbox/manifest) the estate and its seeded ids. */
  setContext(context: SyntheticContext): void;
  close(): Promise<void>;
}

/** Headers that belong to one hop; the proxy sets its own. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  // The body is forwarded whole, so there is nothing to continue.
  'expect',
]);

const ROLE_ARN_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):/;

class RequestCounter {
  #counts = new Map<string, RequestCount>();

  add(request: AwsRequest, faulted: boolean): void {
    const { service, operation, region, account } = request;
    const key = [service, operation, region, account].join('\0');
    let entry = this.#counts.get(key);
    if (entry === undefined) {
      entry = { service, operation, region, account, count: 0, faults: 0 };
      this.#counts.set(key, entry);
    }
    entry.count += 1;
    if (faulted) entry.faults += 1;
  }

  reset(): void {
    this.#counts.clear();
  }

  snapshot(): RequestCounts {
    const counts = [...this.#counts.values()].map((entry) => ({ ...entry }));
    const sum = (pick: (entry: RequestCount) => number) =>
      counts.reduce((total, entry) => total + pick(entry), 0);
    return { total: sum((entry) => entry.count), faults: sum((entry) => entry.faults), counts };
  }
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function parseJson(body: Buffer): unknown {
  return body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
}

function upstreamHeaders(incoming: IncomingMessage['headers'], body: Buffer): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  }
  if (body.length > 0 || incoming['content-length'] !== undefined) headers['content-length'] = body.length;
  return headers;
}

/**
 * Starts the proxy that every sandbox client talks to. It forwards to moto, counts calls, adds latency,
 * injects faults, answers synthetic operations, and learns which account each assumed-role key belongs to.
 */
export async function startProxy(options: ProxyOptions): Promise<SandboxProxy> {
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true });
  const faults = new FaultBook();
  const counter = new RequestCounter();
  let latency = LatencySchema.parse(options.latency ?? {});
  let context: SyntheticContext = {};
  const synthetic = new Map(
    (options.synthetic ?? []).map((op) => [syntheticKey(op.service, op.operation), op]),
  );
  // Access key id to account, learned from AssumeRole calls passing through.
  const accounts = new Map<string, string>();
  const accountOf = (accessKeyId: string | undefined) =>
    (accessKeyId === undefined ? undefined : accounts.get(accessKeyId)) ?? MANAGEMENT_ACCOUNT_ID;

  async function admin(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://sandbox').pathname.slice(ADMIN_PREFIX.length)}`;
    switch (route) {
      case 'GET requests':
        return sendJson(res, 200, counter.snapshot());
      case 'POST requests/reset':
        counter.reset();
        return sendJson(res, 204);
      case 'GET faults':
        return sendJson(res, 200, faults.list());
      case 'PUT faults':
        faults.set(parseJson(body) ?? []);
        return sendJson(res, 204);
      case 'DELETE faults':
        faults.clear();
        return sendJson(res, 204);
      case 'PUT latency':
        latency = LatencySchema.parse(parseJson(body) ?? {});
        return sendJson(res, 204);
      case 'GET manifest':
        return context.seeded === undefined
          ? sendJson(res, 404, { message: 'the estate is not seeded yet' })
          : sendJson(res, 200, { estate: context.estate, seeded: context.seeded });
      default:
        return sendJson(res, 404, { message: `no admin route ${route}` });
    }
  }

  function learnAssumedRole(call: AwsRequest, responseBody: string): void {
    const account = ROLE_ARN_ACCOUNT.exec(call.params.get('RoleArn') ?? '')?.[1];
    const accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(responseBody)?.[1];
    if (account !== undefined && accessKeyId !== undefined) accounts.set(accessKeyId, account);
  }

  function forward(call: AwsRequest, body: Buffer, res: ServerResponse, firstTry = true): Promise<void> {
    const learn = call.service === 'sts' && call.operation === 'AssumeRole';
    return new Promise((resolve) => {
      const upstreamRequest = request(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method: call.method,
          path: call.url,
          headers: upstreamHeaders(call.headers, body),
          agent,
        },
        (upstreamResponse) => {
          const headers = { ...upstreamResponse.headers };
          for (const name of HOP_HEADERS) delete headers[name];
          if (!learn) {
            res.writeHead(upstreamResponse.statusCode ?? 502, headers);
            upstreamResponse.pipe(res);
            upstreamResponse.on('end', resolve);
            upstreamResponse.on('error', () => resolve());
            return;
          }
          readBody(upstreamResponse).then((responseBody) => {
            if (upstreamResponse.statusCode === 200) learnAssumedRole(call, responseBody.toString('utf8'));
            res.writeHead(upstreamResponse.statusCode ?? 502, headers).end(responseBody);
            resolve();
          }, resolve);
        },
      );
      upstreamRequest.on('error', (error) => {
        // A kept-alive socket can be closed by moto just as it is reused; that is worth one more try.
        if (firstTry && upstreamRequest.reusedSocket && !res.headersSent) {
          forward(call, body, res, false).then(resolve);
          return;
        }
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`sandbox proxy: moto is unreachable: ${error.message}`);
        resolve();
      });
      upstreamRequest.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = req.url ?? '/';
    if (url.startsWith(ADMIN_PREFIX)) return admin(req, res, body);

    const call = parseAwsRequest({ method: req.method ?? 'GET', url, headers: req.headers, body }, accountOf);
    const delay = latency.fixedMs + Math.random() * latency.jitterMs;
    if (delay > 0) await sleep(delay);

    const fault = faults.take(call);
    counter.add(call, fault !== undefined);
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault !== undefined) {
      const answer = renderAwsError(call, errorForFault(fault, call));
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }

    const handler = synthetic.get(syntheticKey(call.service, call.operation));
    const answer = await handler?.handle(call, context);
    if (answer !== undefined) {
      res.writeHead(answer.status ?? 200, answer.headers).end(answer.body);
      return;
    }
    await forward(call, motoFixup(call) ?? body, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Bad admin input (JSON or schema) is the caller's fault; anything else is ours.
      if (error instanceof z.ZodError) return sendJson(res, 400, { message: z.prettifyError(error) });
      if (error instanceof SyntaxError) return sendJson(res, 400, { message: error.message });
      sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    setContext(next) {
      context = next;
    },
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      agent.destroy();
      await closed;
    },
  };
}
