// `bench generate --format travelplanner --out DIR`: each world once in TravelPlanner's database/
// layout, and per task its queries (dataset fields) and reference plans (submission lines), so
// TravelPlanner's own tooling and evaluation scripts can read them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exporter, Problem } from '../../../src/core/types.js';
import { worldFor } from '../world/world.js';
import type { TravelTruth } from '../sole-planning.js';
import { planRecord, queryRecord, writeWorldDatabase } from './travelplanner.js';

export function travelPlannerExporter(outDir: string): Exporter {
  const worldsDone = new Set<string>();
  const perTask = new Map<string, { dir: string; queries: string[]; plans: string[] }>();
  let worlds = 0;
  return {
    async add(taskId: string, problem: Problem) {
      const truth = problem.truth as TravelTruth;
      const dir = join(outDir, `world-${truth.world.seed}-${truth.world.states}`);
      const key = `${truth.world.seed}|${truth.world.states}`;
      if (!worldsDone.has(key)) {
        worldsDone.add(key);
        await writeWorldDatabase(worldFor(truth.world), dir);
        worlds++;
      }
      const task = perTask.get(taskId) ?? { dir, queries: [], plans: [] };
      const idx = task.queries.length + 1;
      task.queries.push(JSON.stringify({ idx, ...queryRecord(truth) }));
      task.plans.push(JSON.stringify(planRecord(idx, truth)));
      perTask.set(taskId, task);
    },
    finish() {
      let items = 0;
      for (const [taskId, t] of perTask) {
        mkdirSync(t.dir, { recursive: true });
        writeFileSync(join(t.dir, `${taskId}.queries.jsonl`), `${t.queries.join('\n')}\n`);
        writeFileSync(join(t.dir, `${taskId}.plans.jsonl`), `${t.plans.join('\n')}\n`);
        items += t.queries.length;
      }
      return `wrote ${worlds} world database(s) and ${items} queries with reference plans (${perTask.size} task(s)) in TravelPlanner's layout to ${outDir}`;
    },
  };
}
