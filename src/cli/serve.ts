import type { Command } from 'commander';
import { SERVE_DEFAULTS, startServer } from '../serve/server.js';
import { UsageError } from './errors.js';
import { itemLookupOf } from './item-lookup.js';
import { collect, positiveInt } from './options.js';

interface ServeFlags {
  host: string;
  port: string;
  token?: string;
  db?: string;
  suite?: string[];
  maxBodyMb: number;
  maxEpisodes: number;
  episodeTtl: number;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'HTTP reward and environment server for RL trainers: POST /score, /items, /episodes, /episodes/{id}/step; GET /health',
    )
    .option('--host <host>', 'address to listen on; anything but loopback needs --token', SERVE_DEFAULTS.host)
    .option('--port <port>', 'port (0: any free port, printed at start)', String(SERVE_DEFAULTS.port))
    .option('--token <token>', 'bearer token every request but GET /health must carry (default: $GENBENCH_SERVE_TOKEN)')
    .option('--db <file>', 'look up {id} requests in this database')
    .option(
      '--suite <name|file>',
      "serve this suite's tasks to POST /items and look up its item ids, repeatable",
      collect,
    )
    .option(
      '--max-body-mb <mb>',
      'largest request body',
      positiveInt('--max-body-mb'),
      SERVE_DEFAULTS.maxBodyBytes / 1024 / 1024,
    )
    .option('--max-episodes <count>', 'most open episodes', positiveInt('--max-episodes'), SERVE_DEFAULTS.maxEpisodes)
    .option(
      '--episode-ttl <seconds>',
      'an episode without a step for this long is dropped',
      positiveInt('--episode-ttl'),
      SERVE_DEFAULTS.episodeTtlMs / 1000,
    )
    .addHelpText(
      'after',
      `
See README "Verifiers as rewards" for the request and reply shapes, and examples/python/ for a client.

Examples:
  $ bench serve --suite quick
  $ GENBENCH_SERVE_TOKEN=secret bench serve --host 0.0.0.0 --port 8321 --db results/genbench.sqlite`,
    )
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0..65535 (got '${flags.port}')`);
      const token = flags.token ?? process.env.GENBENCH_SERVE_TOKEN ?? undefined;
      const { lookup, store, suites } = itemLookupOf(flags.db, flags.suite);
      let running;
      try {
        running = await startServer({
          host: flags.host,
          port,
          token: token || undefined,
          lookup,
          suites,
          maxBodyBytes: flags.maxBodyMb * 1024 * 1024,
          maxEpisodes: flags.maxEpisodes,
          episodeTtlMs: flags.episodeTtl * 1000,
        });
      } catch (err) {
        store?.close();
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new UsageError(`port ${port} on ${flags.host} is in use: pass another --port (0 picks a free one)`);
        if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
          throw new UsageError(`cannot listen on ${flags.host}: not an address of this machine`);
        throw new UsageError(e.message);
      }
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`bench serve: ${signal}, shutting down\n`);
          running.close(5_000).then(resolve, resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
        // Only now say so: a supervisor may signal as soon as it reads this line.
        process.stdout.write(`bench serve: listening on ${running.url}${token ? ' (bearer token required)' : ''}\n`);
      });
      store?.close();
    });
}
