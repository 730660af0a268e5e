// `bench serve`: an HTTP layer over the pure verifiers, the generators and the environments.
// Routes: GET /health, POST /score, POST /items, POST /episodes, POST /episodes/{id}/step,
// DELETE /episodes/{id}. Loopback by default; any other host needs a bearer token. Bodies are
// bounded, every socket wait has a deadline, and errors are JSON {error, reason}.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { harnessVersion } from '../core/paths.js';
import { getGenerator, generatorNames } from '../../generators/index.js';
import type { Suite } from '../suite/load.js';
import { scoreRequest, type ItemLookup } from '../verify/score.js';
import { EpisodeTable } from './episodes.js';
import { asObject, HttpError, readJson, sendError, sendJson } from './http.js';
import { ItemSource } from './items.js';

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Required unless the host is loopback. */
  token?: string;
  /** Where {id} requests find items (database, suites). */
  lookup?: ItemLookup;
  /** Suites whose tasks POST /items may draw from. */
  suites?: readonly Suite[];
  maxBodyBytes?: number;
  /** Most requests in one POST /score batch. */
  maxBatch?: number;
  maxEpisodes?: number;
  episodeTtlMs?: number;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8321,
  maxBodyBytes: 32 * 1024 * 1024,
  maxBatch: 10_000,
  maxEpisodes: 1024,
  episodeTtlMs: 600_000,
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** Items served by POST /items that {id} requests can name. */
const REMEMBERED_ITEMS = 20_000;

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

export interface RunningServer {
  server: Server;
  url: string;
  episodes: EpisodeTable;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then closes every socket. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? SERVE_DEFAULTS.host;
  if (!isLoopback(host) && !opts.token)
    throw new Error(
      `--host ${host} is reachable from other machines: give a bearer token with --token or GENBENCH_SERVE_TOKEN`,
    );
  const maxBody = opts.maxBodyBytes ?? SERVE_DEFAULTS.maxBodyBytes;
  const maxBatch = opts.maxBatch ?? SERVE_DEFAULTS.maxBatch;
  const episodes = new EpisodeTable(
    opts.maxEpisodes ?? SERVE_DEFAULTS.maxEpisodes,
    opts.episodeTtlMs ?? SERVE_DEFAULTS.episodeTtlMs,
  );
  const items = new ItemSource(opts.suites ?? []);
  // Items this server handed out can be scored by id alone (the most recent ones).
  const served = new Map<string, { generator: string; truth: unknown }>();
  const remember = (list: { id: string; generator: string; truth: unknown }[]) => {
    for (const it of list) {
      served.delete(it.id);
      served.set(it.id, { generator: it.generator, truth: it.truth });
      if (served.size > REMEMBERED_ITEMS) served.delete(served.keys().next().value!);
    }
  };
  const lookup: ItemLookup = (id) => served.get(id) ?? opts.lookup?.(id);
  const tokenDigest = opts.token ? createHash('sha256').update(opts.token).digest() : undefined;

  const authorized = (req: IncomingMessage): boolean => {
    if (!tokenDigest) return true;
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    return Boolean(m) && timingSafeEqual(createHash('sha256').update(m![1]!.trim()).digest(), tokenDigest);
  };

  const routes = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    if (path === '/health' && method === 'GET') {
      return sendJson(res, 200, {
        status: 'ok',
        version: harnessVersion(),
        generators: generatorNames().length,
        openEpisodes: episodes.size,
      });
    }
    if (!authorized(req))
      throw new HttpError(401, 'unauthorized', 'missing or wrong bearer token (Authorization: Bearer <token>)');
    if (path === '/score' && method === 'POST') {
      const body = await readJson(req, maxBody);
      const list = Array.isArray(body)
        ? body
        : asObject(body, '{"requests": [{generator, truth, response} | {id, response}, ...]}').requests;
      if (!Array.isArray(list))
        throw new HttpError(400, 'bad_request', 'expected {"requests": [...]} or a JSON array of requests');
      if (list.length > maxBatch)
        throw new HttpError(413, 'batch_too_large', `${list.length} requests in one batch; at most ${maxBatch}`);
      return sendJson(res, 200, { results: list.map((r) => scoreRequest(r, lookup)) });
    }
    if (path === '/items' && method === 'POST') {
      const reply = items.items(await readJson(req, maxBody));
      remember(reply.items);
      return sendJson(res, 200, reply);
    }
    if (path === '/episodes' && method === 'POST') {
      const o = asObject(
        await readJson(req, maxBody),
        '{generator, truth} or {id} or {generator, params, seed, index}',
      );
      return sendJson(res, 200, startEpisode(o));
    }
    const m = /^\/episodes\/([A-Za-z0-9-]{1,64})(\/step)?$/.exec(path);
    if (m && m[2] && method === 'POST') {
      const o = asObject(await readJson(req, maxBody), '{"response": "..."}');
      return sendJson(res, 200, episodes.step(m[1]!, o.response));
    }
    if (m && !m[2] && method === 'DELETE')
      return sendJson(res, 200, { episode: m[1], closed: episodes.discard(m[1]!) });
    throw new HttpError(
      404,
      'not_found',
      `no route ${method} ${path}; routes: GET /health, POST /score, POST /items, POST /episodes, POST /episodes/{id}/step, DELETE /episodes/{id}`,
    );
  };

  function startEpisode(o: Record<string, unknown>) {
    if (o.truth !== undefined) {
      if (typeof o.generator !== 'string') throw new HttpError(400, 'bad_request', 'give the generator with the truth');
      const truth = typeof o.truth === 'string' ? parseTruth(o.truth) : o.truth;
      return episodes.start(generatorOr400(o.generator), truth);
    }
    if (typeof o.id === 'string') {
      const found = lookup(o.id);
      if (!found)
        throw new HttpError(
          404,
          'unknown_item',
          `unknown item id '${o.id}': send generator and truth (from POST /items)`,
        );
      return episodes.start(generatorOr400(found.generator), found.truth);
    }
    if (typeof o.generator === 'string') {
      const index = o.index ?? 0;
      const { items: made } = items.items({
        generator: o.generator,
        params: o.params,
        seed: o.seed,
        start: index,
        count: 1,
      });
      return { ...episodes.start(generatorOr400(o.generator), made[0]!.truth), item: made[0]!.id };
    }
    throw new HttpError(400, 'bad_request', 'give {generator, truth}, {id} or {generator, params, seed, index}');
  }

  const server = createServer((req, res) => {
    routes(req, res).catch((err) => sendError(res, err));
  });
  // Every wait is bounded: slow headers, slow bodies, idle keep-alive sockets.
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? SERVE_DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    episodes,
    close: (graceMs = 5_000) =>
      new Promise<void>((resolve) => {
        episodes.close();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

function generatorOr400(name: string) {
  try {
    return getGenerator(name);
  } catch (err) {
    throw new HttpError(400, 'unknown_generator', (err as Error).message);
  }
}

function parseTruth(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'truth is a string but not JSON');
  }
}
