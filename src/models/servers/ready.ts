// Readiness: the health endpoint answers 200, then /v1/models lists a model. Every wait has a
// deadline, and a server that exits while we wait is reported at once.

export interface ReadyOptions {
  origin: string;
  timeoutMs: number;
  hasExited: () => boolean;
  signal?: AbortSignal;
  pollMs?: number;
}

export type ReadyResult = { ready: true; modelId: string } | { ready: false; why: 'exited' | 'timeout' | 'aborted' };

export async function waitReady(o: ReadyOptions): Promise<ReadyResult> {
  const deadline = Date.now() + o.timeoutMs;
  const poll = o.pollMs ?? 250;
  while (Date.now() < deadline) {
    if (o.signal?.aborted) return { ready: false, why: 'aborted' };
    if (o.hasExited()) return { ready: false, why: 'exited' };
    if ((await status(`${o.origin}/health`)) === 200) {
      const id = await firstModel(`${o.origin}/v1/models`);
      if (id) return { ready: true, modelId: id };
    }
    await new Promise((r) => setTimeout(r, poll));
  }
  return { ready: false, why: o.hasExited() ? 'exited' : 'timeout' };
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function firstModel(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (res.status !== 200) return undefined;
    const body = (await res.json()) as { data?: { id?: unknown }[] };
    const id = body.data?.[0]?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** True when the server at `origin` answers its health endpoint now. */
export async function isHealthy(origin: string): Promise<boolean> {
  return (await status(`${origin}/health`)) === 200;
}
