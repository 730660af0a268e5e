// Managed local inference servers: start one for a checkpoint on a free 127.0.0.1 port, log to a
// file next to the database, wait until it serves, stop it (the whole process group). This room
// knows processes, ports, logs and readiness; it knows nothing of tasks or items.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stableHash } from '../../core/hash.js';
import { freePort } from './port.js';
import { logTail, startProcess } from './process.js';
import { PROGRAMS, type ServerKind, type ServerSettings } from './programs.js';
import { isHealthy, waitReady } from './ready.js';

export { PROGRAMS, whichSync, type ServerKind, type ServerSettings } from './programs.js';
export { logTail } from './process.js';

export interface ServerRequest {
  kind: ServerKind;
  /** What the server loads: a checkpoint folder, a .gguf file or a hub id. */
  checkpoint: string;
  servedName: string;
  settings: ServerSettings;
  /** Folder for the log (and the state of reused servers). */
  logDir: string;
  readyTimeoutMs: number;
  /** Keep the server running after genbench exits and reuse it next time. */
  reuse: boolean;
  env?: Record<string, string | undefined>;
  /** Aborts the wait for readiness (Ctrl-C); the server is stopped. */
  signal?: AbortSignal;
  /** One of several replicas of the same checkpoint: its own log and reuse state. */
  replica?: number;
  /** CUDA_VISIBLE_DEVICES for this server (default: inherited). */
  devices?: string[];
  /** Grace between SIGTERM and SIGKILL when stopping (default 10 s). */
  stopGraceMs?: number;
}

export interface RunningServer {
  /** The OpenAI-compatible base URL, 'http://127.0.0.1:<port>/v1'. */
  baseURL: string;
  /** The model id the server lists. */
  modelId: string;
  logPath: string;
  reused: boolean;
  pid: number;
  hasExited(): boolean;
  /** Settles when a server this process started exits (absent for a reused one). */
  exited?: Promise<unknown>;
  /** Stops the server (a no-op for a reused one, which is meant to outlive this process). */
  stop(): Promise<void>;
}

/** The server exited or never became ready; the message quotes the end of its log. */
export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly logPath: string,
    readonly tail: string[],
  ) {
    super(message);
    this.name = 'ServerStartError';
  }
}

const HOST = '127.0.0.1';

export function logPathFor(req: Pick<ServerRequest, 'kind' | 'checkpoint' | 'logDir' | 'replica'>): string {
  const slug =
    basename(req.checkpoint)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 60) || 'model';
  return join(
    req.logDir,
    `${req.kind}-${slug}-${stableHash(req.checkpoint, 8)}${req.replica === undefined ? '' : `-r${req.replica}`}.log`,
  );
}

export async function startServer(req: ServerRequest): Promise<RunningServer> {
  const program = PROGRAMS[req.kind];
  const env = { ...process.env, ...req.env, ...(req.devices ? { CUDA_VISIBLE_DEVICES: req.devices.join(',') } : {}) };
  const found = program.find(env);
  if ('missing' in found)
    throw new ServerStartError(
      `${program.label}: ${found.missing}: install it (${program.install}) or set ${program.envVar} to its command`,
      '',
      [],
    );
  const logPath = logPathFor(req);
  const placement = req.devices ? { d: req.devices } : {};
  const statePath = logPath.replace(
    /\.log$/,
    `.${stableHash({ s: req.settings, n: req.servedName, c: found.command, ...placement }, 8)}.json`,
  );

  if (req.reuse) {
    const reused = await reuseFromState(statePath, logPath);
    if (reused) return reused;
  }

  const port = await freePort();
  const command = [...found.command, ...program.argv(req.checkpoint, HOST, port, req.servedName, req.settings)];
  const proc = startProcess(command, logPath, { watchdog: !req.reuse, env });
  const origin = `http://${HOST}:${port}`;
  const ready = await waitReady({
    origin,
    timeoutMs: req.readyTimeoutMs,
    hasExited: proc.hasExited,
    signal: req.signal,
  });
  if (!ready.ready) {
    await proc.stop(2000);
    const exit = proc.hasExited() ? await proc.exited : undefined;
    const tail = logTail(logPath);
    const what =
      ready.why === 'exited'
        ? `exited before it was ready (${exit?.signal ? `signal ${exit.signal}` : `exit code ${exit?.code}`})`
        : ready.why === 'aborted'
          ? 'was stopped before it was ready (interrupted)'
          : `was not ready within ${Math.round(req.readyTimeoutMs / 1000)} s (raise it with ?ready-timeout=SECONDS)`;
    const quoted = tail.length
      ? `; last lines of its log:\n${tail.map((l) => `  | ${l}`).join('\n')}`
      : '; its log is empty';
    const which =
      req.replica === undefined
        ? ''
        : ` (replica ${req.replica + 1}, CUDA_VISIBLE_DEVICES=${req.devices?.join(',') ?? 'inherited'})`;
    throw new ServerStartError(
      `${program.label} server for ${req.checkpoint}${which} ${what}. Log: ${logPath}${quoted}`,
      logPath,
      tail,
    );
  }
  if (req.reuse) {
    mkdirSync(req.logDir, { recursive: true });
    writeFileSync(
      statePath,
      JSON.stringify(
        { pid: proc.pid, port, modelId: ready.modelId, command, startedAt: new Date().toISOString() },
        null,
        2,
      ),
    );
    process.stderr.write(
      `bench: ${program.label} server kept running for reuse (pid ${proc.pid}, ${origin}); stop it with: kill -- -${proc.pid}\n`,
    );
  }
  return {
    baseURL: `${origin}/v1`,
    modelId: ready.modelId,
    logPath,
    reused: false,
    pid: proc.pid,
    hasExited: proc.hasExited,
    exited: proc.exited,
    stop: req.reuse ? async () => {} : () => proc.stop(req.stopGraceMs),
  };
}

async function reuseFromState(statePath: string, logPath: string): Promise<RunningServer | undefined> {
  if (!existsSync(statePath)) return undefined;
  let state: { pid: number; port: number; modelId: string };
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch {
    rmSync(statePath, { force: true });
    return undefined;
  }
  const origin = `http://${HOST}:${state.port}`;
  const alive = () => {
    try {
      process.kill(-state.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive() || !(await isHealthy(origin))) {
    rmSync(statePath, { force: true });
    return undefined;
  }
  return {
    baseURL: `${origin}/v1`,
    modelId: state.modelId,
    logPath,
    reused: true,
    pid: state.pid,
    hasExited: () => !alive(),
    stop: async () => {},
  };
}
