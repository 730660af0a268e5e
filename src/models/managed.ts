// vllm:<checkpoint>, sglang:<checkpoint>, llamacpp:<file.gguf>: a model served by a local server
// that genbench starts itself. The server starts on the first request, so a checkpoint whose run
// is already complete never starts one; it is stopped by close(). Requests go through the
// OpenAI-compatible provider. With replicas=N it starts N servers, each on its own slice of GPUs,
// and spreads the requests over them through a ReplicatedModel (one limiter each, failover).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkpointInfo, type CheckpointInfo } from './checkpoint.js';
import {
  PROGRAMS,
  ServerStartError,
  logTail,
  startServer,
  type RunningServer,
  type ServerKind,
} from './servers/index.js';
import { deviceSlices, withoutPlacement } from './servers/gpus.js';
import { ReplicatedModel } from './endpoints.js';
import type { ModelSpec } from './spec.js';
import { ModelError, type Model, type ModelOptions, type ModelRequest, type ModelResponse } from './types.js';

const DEFAULT_READY_TIMEOUT_S = 900;

export async function createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  const kind = spec.provider as ServerKind;
  const program = PROGRAMS[kind];
  const env = { ...process.env, ...opts.env };
  const found = program.find(env);
  if ('missing' in found) {
    throw new ModelError(
      'config',
      `${spec.spec}: ${program.label}: ${found.missing}: install it (${program.install}) or set ${program.envVar} to its command`,
    );
  }
  const options = { ...opts.servers?.defaults, ...spec.options };
  const local = existsSync(spec.model);
  // vLLM and SGLang also take a hub id ('Qwen/Qwen2.5-7B-Instruct'); a path that looks like one
  // but is missing locally is most likely a typo, so only bare 'org/name' counts as a hub id.
  if (!local && (kind === 'llamacpp' || /^[./~]/.test(spec.model) || !/^[\w.-]+\/[\w.-]+$/.test(spec.model))) {
    throw new ModelError(
      'config',
      `${spec.spec}: no checkpoint at '${spec.model}' (from ${process.cwd()}): check the path`,
    );
  }
  const checkpoint = local ? checkpointInfo(spec.model) : undefined;
  const identityOptions = ['dtype', 'max-model-len', 'args']
    .filter((k) => options[k] !== undefined)
    .map((k) => `${k}=${options[k]}`);
  // replicas and gpus are left out of the identity (and of the recorded spec): the same checkpoint
  // is the same run whether one server or four answer it, so a resume or a series goes on.
  const identity = `${kind}:${checkpoint ? `${checkpoint.path}#${checkpoint.fingerprint}` : spec.model}${identityOptions.length ? `?${identityOptions.join('&')}` : ''}`;
  const replicas = Number(options.replicas ?? 1);
  let devices: (string[] | undefined)[] = [undefined];
  if (replicas > 1 || options.gpus !== undefined) {
    try {
      devices = deviceSlices({
        replicas,
        perReplica: Number(options.tp ?? 1) * Number(options.dp ?? 1),
        gpus: options.gpus,
        visible: env.CUDA_VISIBLE_DEVICES,
      });
    } catch (err) {
      throw new ModelError('config', `${spec.spec}: ${(err as Error).message}`);
    }
  }
  return new ManagedServerModel(spec, kind, identity, checkpoint, options, devices, opts);
}

interface Started {
  servers: RunningServer[];
  inner: Model;
}

class ManagedServerModel implements Model {
  readonly spec: string;
  readonly identity: string;
  readonly cacheable = true;
  readonly defaultConcurrency: number;
  readonly checkpoint?: CheckpointInfo;
  private starting?: Promise<Started>;
  private closed = false;
  private readonly perReplica: number;

  constructor(
    private readonly parsed: ModelSpec,
    private readonly kind: ServerKind,
    identity: string,
    checkpoint: CheckpointInfo | undefined,
    private readonly options: Record<string, string>,
    private readonly devices: (string[] | undefined)[],
    private readonly opts: ModelOptions,
  ) {
    this.spec = withoutPlacement(parsed.spec);
    this.identity = identity;
    if (checkpoint) this.checkpoint = checkpoint;
    // vLLM and SGLang batch continuously and want many requests in flight; llama-server has a few slots.
    this.perReplica = kind === 'llamacpp' ? 4 : 32;
    this.defaultConcurrency = this.perReplica * devices.length;
  }

  async generate(req: ModelRequest): Promise<ModelResponse> {
    const { servers, inner } = await (this.starting ??= this.start());
    try {
      return await inner.generate(req);
    } catch (err) {
      // Servers that all died mid-run fail every request the same way: stop with their logs, not
      // retries. While one replica is left, the ReplicatedModel moves the work there.
      if (servers.every((s) => s.hasExited())) {
        const label = PROGRAMS[this.kind].label;
        throw new ModelError(
          'config',
          servers.length === 1
            ? `${label} server exited during the run. Log: ${servers[0]!.logPath}${quoteTail(servers[0]!.logPath)}`
            : `all ${servers.length} ${label} replicas exited during the run. ${servers.map((s) => `Log: ${s.logPath}${quoteTail(s.logPath)}`).join('\n')}`,
        );
      }
      throw err;
    }
  }

  private async start(): Promise<Started> {
    if (this.closed) throw new ModelError('config', `${this.spec}: model closed`);
    const servers = await this.startAll();
    if (this.closed) {
      await Promise.all(servers.map((s) => s.stop()));
      throw new ModelError('config', `${this.spec}: model closed`);
    }
    const { createModel } = await import('./openai.js');
    const client = (server: RunningServer) =>
      createModel(
        { spec: this.spec, provider: 'openai-compatible', model: server.modelId, baseURL: server.baseURL },
        { ...this.opts, env: { ...this.opts.env, OPENAI_COMPATIBLE_API_KEY: 'EMPTY' } },
      );
    if (servers.length === 1) return { servers, inner: await client(servers[0]!) };
    const members = await Promise.all(
      servers.map(async (s, i) => ({
        url: s.baseURL,
        model: replicaMember(
          s,
          await client(s),
          `${PROGRAMS[this.kind].label} replica ${i + 1}/${servers.length} (pid ${s.pid})`,
        ),
      })),
    );
    return {
      servers,
      inner: new ReplicatedModel(this.spec, this.identity, members, { perReplicaConcurrency: this.perReplica }),
    };
  }

  /** Starts every replica at once; when one fails, the others are stopped and its log is quoted. */
  private async startAll(): Promise<RunningServer[]> {
    const failed = new AbortController();
    const outer = this.opts.servers?.signal;
    const signal = outer ? AbortSignal.any([outer, failed.signal]) : failed.signal;
    let first: unknown;
    const settled = await Promise.allSettled(
      this.devices.map((devices, i) =>
        this.startOne(devices, this.devices.length > 1 ? i : undefined, signal).catch((err: unknown) => {
          first ??= err;
          failed.abort();
          throw err;
        }),
      ),
    );
    const up = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (up.length === settled.length) return up;
    await Promise.all(up.map((s) => s.stop()));
    if (first instanceof ServerStartError) throw new ModelError('config', first.message);
    throw first;
  }

  private startOne(
    devices: string[] | undefined,
    replica: number | undefined,
    signal: AbortSignal,
  ): Promise<RunningServer> {
    const o = this.options;
    const num = (k: string) => (o[k] === undefined ? undefined : Number(o[k]));
    return startServer({
      kind: this.kind,
      checkpoint: this.checkpoint?.path ?? this.parsed.model,
      servedName: basename(this.parsed.model.replace(/\/+$/, '')) || 'model',
      settings: {
        tp: num('tp'),
        dp: num('dp'),
        maxModelLen: num('max-model-len'),
        gpuMemoryUtilization: num('gpu-memory-utilization'),
        dtype: o.dtype,
        args: o.args ? o.args.trim().split(/\s+/) : [],
      },
      logDir: this.opts.servers?.logDir ?? resolve('results/servers'),
      readyTimeoutMs: (num('ready-timeout') ?? DEFAULT_READY_TIMEOUT_S) * 1000,
      reuse:
        o.reuse === '1' ||
        o.reuse === 'true' ||
        (this.opts.servers?.reuse === true && o.reuse !== '0' && o.reuse !== 'false'),
      env: this.opts.env,
      signal,
      ...(replica === undefined ? {} : { replica }),
      ...(devices ? { devices } : {}),
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const started = this.starting;
    this.starting = undefined;
    if (!started) return;
    try {
      const { servers, inner } = await started;
      await inner.close?.();
      await Promise.all(servers.map((s) => s.stop()));
    } catch {
      /* the start failed: startAll already stopped them */
    }
  }
}

/** One replica's client: once its server has exited it fails at once (retryable), so the work moves on. */
function replicaMember(server: RunningServer, model: Model, label: string): Model {
  let closing = false;
  const gone = () => new ModelError('transient', `${label} has exited. Log: ${server.logPath}`);
  // Said when it happens, not at the next request: the ReplicatedModel may not send one for a while.
  void server.exited?.then(() => {
    if (!closing)
      process.stderr.write(
        `bench: ${label} exited during the run; its work moves to the other replicas. Log: ${server.logPath}\n`,
      );
  });
  return {
    spec: model.spec,
    identity: model.identity,
    cacheable: model.cacheable,
    defaultConcurrency: model.defaultConcurrency,
    async generate(req) {
      if (server.hasExited()) throw gone();
      try {
        return await model.generate(req);
      } catch (err) {
        if (server.hasExited()) throw gone();
        throw err;
      }
    },
    close: async () => {
      closing = true;
      await model.close?.();
    },
  };
}

function quoteTail(logPath: string): string {
  const tail = logTail(logPath);
  return tail.length ? `; last lines of its log:\n${tail.map((l) => `  | ${l}`).join('\n')}` : '';
}
