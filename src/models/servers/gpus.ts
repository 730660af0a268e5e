// Which GPUs each replica of a managed server gets: disjoint slices of tp × dp devices, taken in
// order from `gpus=…`, else from the parent's CUDA_VISIBLE_DEVICES, else 0..N·tp·dp−1.

/** The device ids each replica sees as its CUDA_VISIBLE_DEVICES; throws an Error saying what to change. */
export function deviceSlices(o: { replicas: number; perReplica: number; gpus?: string; visible?: string }): string[][] {
  const need = o.replicas * o.perReplica;
  const shape = `replicas=${o.replicas} × ${o.perReplica} GPU${o.perReplica > 1 ? 's' : ''} each (tp × dp)`;
  let pool: string[];
  if (o.gpus !== undefined) {
    pool = o.gpus.trim().split(/[\s,]+/);
    // An explicit list is meant whole: a count that does not match is a mistake, not a pool.
    if (pool.length !== need)
      throw new Error(
        `gpus lists ${pool.length} device${pool.length === 1 ? '' : 's'} (${pool.join(',')}) but ${shape} needs ${need}: list exactly ${need}`,
      );
  } else if (o.visible !== undefined && o.visible.trim() !== '') {
    pool = o.visible.trim().split(/[\s,]+/);
    if (pool.length < need)
      throw new Error(
        `${shape} needs ${need} GPUs but CUDA_VISIBLE_DEVICES lists ${pool.length} (${pool.join(',')}): lower replicas, tp or dp, or name the devices with gpus=…`,
      );
  } else {
    pool = Array.from({ length: need }, (_, i) => String(i));
  }
  return Array.from({ length: o.replicas }, (_, r) => pool.slice(r * o.perReplica, (r + 1) * o.perReplica));
}

/** The spec as recorded: replicas and gpus say where it is served, not what answers, so they are left out. */
export function withoutPlacement(spec: string): string {
  const q = spec.indexOf('?');
  if (q < 0) return spec;
  const kept = spec
    .slice(q + 1)
    .split('&')
    .filter((part) => {
      const raw = part.split('=')[0]!.replace(/\+/g, ' ');
      let key = raw;
      try {
        key = decodeURIComponent(raw);
      } catch {
        /* kept as written */
      }
      return key !== 'replicas' && key !== 'gpus';
    });
  return kept.length ? `${spec.slice(0, q)}?${kept.join('&')}` : spec.slice(0, q);
}
