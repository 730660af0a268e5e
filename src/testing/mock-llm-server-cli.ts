// The mock LLM server, standalone, for benchmarks and manual testing:
//   node --import tsx src/testing/mock-llm-server-cli.ts --port 8089 --latency-ms 50 --rate-429 0.05
// Prints its URL, prints a stats line when it stops, and stops by itself after --max-seconds so a
// forgotten server never outlives a benchmark.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMockLlmServer, type MockLlmServer, type MockLlmServerOptions } from './mock-llm-server.js';

const USAGE = `usage: mock-llm-server [--port N] [--latency-ms MS] [--rate-429 F] [--rate-5xx F] [--rate-malformed F]
                       [--rate-drop F] [--retry-after-ms MS] [--rps N] [--burst N] [--seed S] [--reply TEXT]
                       [--max-seconds S (default 600)]`;

export interface CliConfig {
  server: MockLlmServerOptions;
  maxSeconds: number;
}

export function parseCliArgs(argv: string[]): CliConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      'rate-429': { type: 'string' },
      'rate-5xx': { type: 'string' },
      'rate-malformed': { type: 'string' },
      'rate-drop': { type: 'string' },
      'retry-after-ms': { type: 'string' },
      rps: { type: 'string' },
      burst: { type: 'string' },
      seed: { type: 'string' },
      reply: { type: 'string' },
      'max-seconds': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new UsageError(USAGE);
  const num = (flag: keyof typeof values, min = 0): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < min) {
      throw new UsageError(`--${flag} must be a number ≥ ${min}, got '${String(raw)}'\n${USAGE}`);
    }
    return n;
  };
  const server: MockLlmServerOptions = {};
  const set = <K extends keyof MockLlmServerOptions>(key: K, v: MockLlmServerOptions[K] | undefined) => {
    if (v !== undefined) server[key] = v;
  };
  set('port', num('port'));
  set('latencyMs', num('latency-ms'));
  set('rate429', num('rate-429'));
  set('rate5xx', num('rate-5xx'));
  set('rateMalformed', num('rate-malformed'));
  set('rateDrop', num('rate-drop'));
  set('retryAfterMs', num('retry-after-ms'));
  set('rps', num('rps', Number.MIN_VALUE));
  set('burst', num('burst', 1));
  set('seed', values.seed);
  if (values.reply !== undefined) {
    const reply = values.reply;
    server.respond = () => reply;
  }
  const maxSeconds = num('max-seconds', Number.MIN_VALUE) ?? 600;
  // setTimeout fires at once for delays past 2^31 ms; a limit that large is a typo anyway.
  if (maxSeconds > 2_000_000)
    throw new UsageError(`--max-seconds must be at most 2000000, got ${maxSeconds}\n${USAGE}`);
  return { server, maxSeconds };
}

export class UsageError extends Error {}

export function statsLine(server: MockLlmServer): string {
  const { bodyCounts, lastRequest: _last, ...counters } = server.stats;
  return JSON.stringify({ ...counters, distinctBodies: bodyCounts.size });
}

async function main(): Promise<void> {
  let config: CliConfig;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(err instanceof UsageError && /^usage:/.test((err as Error).message) ? 0 : 2);
  }
  const server = await startMockLlmServer(config.server);
  console.log(
    `mock LLM server listening on ${server.url} (OpenAI base URL ${server.url}/v1, Anthropic base URL ${server.url})`,
  );

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(deadline);
    await server.close();
    console.log(`mock LLM server stopped (${why}): ${statsLine(server)}`);
    process.exit(0);
  };
  const deadline = setTimeout(() => void stop(`--max-seconds ${config.maxSeconds} reached`), config.maxSeconds * 1000);
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((err: unknown) => {
    console.error(`mock LLM server failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
