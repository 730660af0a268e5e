// vllm:<checkpoint>, sglang:<checkpoint>, llamacpp:<file.gguf>: a model served by a local server
// that genbench starts itself. The server starts on the first request, so a checkpoint whose run
// is already complete never starts one; it is stopped by close(). Requests go through the
// OpenAI-compatible provider.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkpointInfo, type CheckpointInfo } from './checkpoint.js';
import { PROGRAMS, ServerStartError, logTail, startServer, type RunningServer, type ServerKind } from './servers/index.js';
import type { ModelSpec } from './spec.js';
import { ModelError, type Model, type ModelOptions, type ModelRequest, type ModelResponse } from './types.js';

const DEFAULT_READY_TIMEOUT_S = 900;

export async function createModel(spec: ModelSpec, opts: ModelOptions): Promise<Model> {
  const kind = spec.provider as ServerKind;
  const program = PROGRAMS[kind];
  const env = { ...process.env, ...opts.env };
  const found = program.find(env);
  if ('missing' in found) {
    throw new ModelError('config', `${spec.spec}: ${program.label}: ${found.missing}: install it (${program.install}) or set ${program.envVar} to its command`);
  }
  const options = { ...opts.servers?.defaults, ...spec.options };
  const local = existsSync(spec.model);
  // vLLM and SGLang also take a hub id ('Qwen/Qwen2.5-7B-Instruct'); a path that looks like one
  // but is missing locally is most likely a typo, so only bare 'org/name' counts as a hub id.
  if (!local && (kind === 'llamacpp' || /^[./~]/.test(spec.model) || !/^[\w.-]+\/[\w.-]+$/.test(spec.model))) {
    throw new ModelError('config', `${spec.spec}: no checkpoint at '${spec.model}' (from ${process.cwd()}): check the path`);
  }
  const checkpoint = local ? checkpointInfo(spec.model) : undefined;
  const identityOptions = ['dtype', 'max-model-len', 'args'].filter((k) => options[k] !== undefined).map((k) => `${k}=${options[k]}`);
  const identity = `${kind}:${checkpoint ? `${checkpoint.path}#${checkpoint.fingerprint}` : spec.model}${identityOptions.length ? `?${identityOptions.join('&')}` : ''}`;
  return new ManagedServerModel(spec, kind, identity, checkpoint, options, opts);
}

class ManagedServerModel implements Model {
  readonly spec: string;
  readonly identity: string;
  readonly cacheable = true;
  readonly defaultConcurrency: number;
  readonly checkpoint?: CheckpointInfo;
  private starting?: Promise<{ server: RunningServer; inner: Model }>;
  private closed = false;

  constructor(private readonly parsed: ModelSpec, private readonly kind: ServerKind, identity: string, checkpoint: CheckpointInfo | undefined,
    private readonly options: Record<string, string>, private readonly opts: ModelOptions) {
    this.spec = parsed.spec;
    this.identity = identity;
    if (checkpoint) this.checkpoint = checkpoint;
    // vLLM and SGLang batch continuously and want many requests in flight; llama-server has a few slots.
    this.defaultConcurrency = kind === 'llamacpp' ? 4 : 32;
  }

  async generate(req: ModelRequest): Promise<ModelResponse> {
    const { server, inner } = await (this.starting ??= this.start());
    try {
      return await inner.generate(req);
    } catch (err) {
      // A server that died mid-run fails every request the same way: stop with its log, not retries.
      if (server.hasExited()) throw new ModelError('config', `${PROGRAMS[this.kind].label} server exited during the run. Log: ${server.logPath}${quoteTail(server.logPath)}`);
      throw err;
    }
  }

  private async start(): Promise<{ server: RunningServer; inner: Model }> {
    if (this.closed) throw new ModelError('config', `${this.spec}: model closed`);
    const o = this.options;
    const num = (k: string) => (o[k] === undefined ? undefined : Number(o[k]));
    let server: RunningServer;
    try {
      server = await startServer({
        kind: this.kind,
        checkpoint: this.checkpoint?.path ?? this.parsed.model,
        servedName: basename(this.parsed.model.replace(/\/+$/, '')) || 'model',
        settings: {
          tp: num('tp'), dp: num('dp'), maxModelLen: num('max-model-len'), gpuMemoryUtilization: num('gpu-memory-utilization'),
          dtype: o.dtype, args: o.args ? o.args.trim().split(/\s+/) : [],
        },
        logDir: this.opts.servers?.logDir ?? resolve('results/servers'),
        readyTimeoutMs: (num('ready-timeout') ?? DEFAULT_READY_TIMEOUT_S) * 1000,
        reuse: o.reuse === '1' || o.reuse === 'true' || (this.opts.servers?.reuse === true && o.reuse !== '0' && o.reuse !== 'false'),
        env: this.opts.env,
        signal: this.opts.servers?.signal,
      });
    } catch (err) {
      if (err instanceof ServerStartError) throw new ModelError('config', err.message);
      throw err;
    }
    if (this.closed) { await server.stop(); throw new ModelError('config', `${this.spec}: model closed`); }
    const { createModel } = await import('./openai.js');
    const inner = await createModel(
      { spec: this.spec, provider: 'openai-compatible', model: server.modelId, baseURL: server.baseURL },
      { ...this.opts, env: { ...this.opts.env, OPENAI_COMPATIBLE_API_KEY: 'EMPTY' } },
    );
    return { server, inner };
  }

  async close(): Promise<void> {
    this.closed = true;
    const started = this.starting;
    this.starting = undefined;
    if (!started) return;
    try {
      const { server, inner } = await started;
      await inner.close?.();
      await server.stop();
    } catch { /* the start failed: startServer already stopped it */ }
  }
}

function quoteTail(logPath: string): string {
  const tail = logTail(logPath);
  return tail.length ? `; last lines of its log:\n${tail.map((l) => `  | ${l}`).join('\n')}` : '';
}
