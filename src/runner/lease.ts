// One writer per run: a second process on the same run would ask every item again. The lease is
// taken before the run is opened, refreshed while it runs, and released at the end; a lease lost
// to another process stops this one without touching the run's status.
import { randomUUID } from 'node:crypto';
import type { Model } from '../models/types.js';
import type { Store } from '../store/store.js';
import { RunAbortedError } from './options.js';
import type { RunPlan } from './plan.js';
import type { RunState } from './state.js';

/** Takes the run's lease and returns its owner token, or says who holds it. */
export function acquireRunLease(store: Store, model: Model, plan: RunPlan): string {
  const owner = `${process.pid}:${randomUUID()}`;
  const holder = store.acquireLease(plan.runId, owner, plan.lease.staleMs);
  if (holder) {
    throw new RunAbortedError(
      `run ${plan.runId} of ${model.spec} is being written by process ${holder.pid} on ${holder.host} (last heartbeat ${Math.round(holder.ageMs / 1000)} s ago): ` +
        `wait for it to end or stop it (a lease silent for ${Math.round(plan.lease.staleMs / 1000)} s is taken over), or pass --fresh for a separate run`,
      'busy',
    );
  }
  return owner;
}

/** Released whatever happened; a store that fails here leaves the lease to go stale. */
export function releaseRunLease(store: Store, plan: RunPlan, owner: string): void {
  try {
    store.releaseLease(plan.runId, owner);
  } catch {
    /* the store failed; the lease goes stale */
  }
}

/** Refreshes the lease until stopped; a lease taken over marks the state lost and fatal, so workers stop. */
export function startHeartbeat(state: RunState, owner: string): NodeJS.Timeout {
  const { store, plan, model } = state;
  const heartbeat = setInterval(() => {
    try {
      if (store.renewLease(plan.runId, owner)) return;
      state.leaseLost = true;
      state.fatal ??= new RunAbortedError(
        `run ${plan.runId} of ${model.spec}: another process took over its lease (this one was silent for over ${Math.round(plan.lease.staleMs / 1000)} s): stopping`,
        'busy',
      );
    } catch {
      /* a store failure surfaces through the writer */
    }
  }, plan.lease.heartbeatMs);
  heartbeat.unref();
  return heartbeat;
}
