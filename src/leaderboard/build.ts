// `bench leaderboard`: builds the static site from the database. The site is written to a fresh
// folder next to the target and swapped in at the end, so a failed build leaves the previous
// site intact and a rebuild leaves no stale pages behind.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError, processAlive, removeStaleTemps, tempSibling } from '../core/atomic-file.js';
import {
  buildBoard,
  familySplitMetrics,
  loadDataset,
  type BoardOptions,
  type SelectOptions,
} from '../scoreboard/index.js';
import { forEachItemKnobs, latencyQuantiles } from '../store/leaderboard-queries.js';
import type { Store } from '../store/store.js';
import { APP_JS, SEARCH_JS, STYLE_CSS } from './assets.js';
import { comparePages, explorePaths, searchIndex, searchPage } from './pages/explore.js';
import { shownKey, type Prices, type SiteContext } from './context.js';
import { familyPage } from './pages/family.js';
import { indexPage } from './pages/index.js';
import { itemPage, type ItemPlace } from './pages/item.js';
import { modelPage } from './pages/model.js';
import { suitePage } from './pages/suite.js';
import { seriesPage } from './pages/series.js';
import { buildSeriesBoard, type SeriesBoard } from '../report/series.js';
import { seriesNames } from '../store/series-queries.js';
import { paths } from './slug.js';
import { loadItemView, type ItemMeta } from './views.js';

/** Item pages beyond this many (about 20 KB each) are left to `bench show` and the search page. */
export const DEFAULT_MAX_ITEM_PAGES = 5000;

export interface BuildOptions extends BoardOptions, SelectOptions {
  out: string;
  /** Items per task that get a page (default 20; 0 for none). */
  /** Item pages per task, first by index (default: all, within maxItemPages). */
  itemsPerTask?: number;
  /** At most this many item pages in all (default DEFAULT_MAX_ITEM_PAGES). */
  maxItemPages?: number;
  prices?: Prices;
}

export interface BuildResult {
  out: string;
  pages: number;
  files: number;
  bytes: number;
  mainPageBytes: number;
  itemPages: number;
  ms: number;
  /** Milliseconds per phase (load, statistics, item knobs, each kind of page). */
  phases: Record<string, number>;
}

/** A folder we may replace: absent, empty, or a site this command built (it has the marker). */
const MARKER = '.genbench-leaderboard';

export class SiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteError';
  }
}

/**
 * A build killed during its swap leaves the previous site at `.<out>.tmp-<pid>.old` and no
 * `out`: put it back. Then remove what killed builds left next to `out`.
 */
function recoverKilledBuild(out: string): void {
  if (!existsSync(out) && existsSync(dirname(out))) {
    const prefix = `.${basename(out)}.tmp-`;
    const old = readdirSync(dirname(out)).find(
      (n) =>
        n.startsWith(prefix) &&
        n.endsWith('.old') &&
        !processAlive(Number.parseInt(n.slice(prefix.length), 10)) &&
        existsSync(join(dirname(out), n, MARKER)),
    );
    if (old) renameSync(join(dirname(out), old), out);
  }
  removeStaleTemps(out);
}

export function buildSite(store: Store, opts: BuildOptions): BuildResult {
  const t0 = performance.now();
  const out = resolve(opts.out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new SiteError(`--out ${opts.out} is a file: pass a folder`);
    if (readdirSync(out).length > 0 && !existsSync(join(out, MARKER))) {
      throw new SiteError(
        `--out ${opts.out} is not empty and was not built by bench leaderboard: pass an empty or new folder`,
      );
    }
  }
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    phases[name] = (phases[name] ?? 0) + (t - mark);
    mark = t;
  };
  const data = loadDataset(store, opts);
  lap('load');
  const board = buildBoard(data, opts);
  lap('statistics');
  const chosenRuns = data.suites.flatMap((s) => [...s.runs.values()].map((r) => r.id));
  const meta = new Map<string, ItemMeta>();
  const answered = new Set(data.suites.flatMap((s) => [...s.tasks.values()].flatMap((t) => t.items)));
  forEachItemKnobs(store, answered, ([id, index, , difficulty]) => {
    let knobs = {};
    try {
      knobs = JSON.parse(difficulty);
    } catch {
      /* an item without readable knobs is left off the charts */
    }
    meta.set(id, { index, knobs });
  });
  lap('item knobs');
  // Every item gets a page unless the total would pass the budget; then
  // each task keeps its first items up to the largest equal cap that fits.
  const counts = data.suites.flatMap((s) => [...s.tasks.values()].map((t) => t.items.length));
  const budget = opts.maxItemPages ?? DEFAULT_MAX_ITEM_PAGES;
  let perTask = opts.itemsPerTask ?? Infinity;
  const pagesAt = (k: number) => counts.reduce((n, c) => n + Math.min(c, k), 0);
  if (pagesAt(perTask) > budget) {
    let k = 0;
    while (pagesAt(k + 1) <= budget && k < Math.max(0, ...counts)) k++;
    perTask = k;
  }
  const shownItems = new Map<string, string[]>();
  for (const s of data.suites) {
    for (const t of s.tasks.values()) {
      const ids = [...t.items]
        .sort((a, b) => (meta.get(a)?.index ?? 0) - (meta.get(b)?.index ?? 0) || (a < b ? -1 : 1))
        .slice(0, perTask);
      shownItems.set(shownKey(s.name, t.info.id), ids);
    }
  }
  const allModels = [...new Set(data.runs.map((r) => r.modelSpec))].sort();
  const colours = new Map(allModels.map((m, i) => [m, i]));
  // Training series (checkpoints of one run): a page each, linked from their models' rows.
  const seriesBoards: SeriesBoard[] = seriesNames(store).map((s) =>
    buildSeriesBoard(store, s.series, { seed: opts.seed, resamples: opts.resamples }),
  );
  const seriesOf = new Map(seriesBoards.flatMap((b) => b.points.map((p) => [p.modelSpec, b.series] as const)));
  lap('series');
  // Everything pages show is read here; pages only format it.
  const latency = new Map(data.runs.map((r) => [r.id, latencyQuantiles(store, r.id, [0.5, 0.95])]));
  const checks = new Map(
    data.suites.flatMap((s) => s.families.map((f) => [shownKey(s.name, f), familySplitMetrics(store, s, f)] as const)),
  );
  const ctx: SiteContext = {
    board,
    data,
    meta,
    shownItems,
    prices: opts.prices,
    generatedAt: board.generatedAt,
    latency,
    checks,
    colour: (m) => colours.get(m) ?? 0,
    seriesOf,
  };

  const tmp = tempSibling(out);
  recoverKilledBuild(out);
  rmSync(tmp, { recursive: true, force: true });
  const stats = { pages: 0, files: 0, bytes: 0, mainPageBytes: 0, itemPages: 0 };
  const made = new Set<string>();
  const write = (rel: string, content: string | Buffer) => {
    const file = join(tmp, rel);
    const dir = dirname(file);
    try {
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(file, content);
    } catch (err) {
      throw new OutputError(file, err); // e.g. a full disk: say where
    }
    stats.files++;
    stats.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  const writePage = (rel: string, p: { html: string; json: unknown }) => {
    write(rel, p.html);
    write(paths.json(rel), JSON.stringify(p.json));
    stats.pages++;
  };

  try {
    write('assets/style.css', STYLE_CSS);
    write('assets/app.js', APP_JS);
    const index = indexPage(ctx);
    stats.mainPageBytes = Buffer.byteLength(index.html);
    writePage(paths.index(), index);
    lap('index');
    for (const s of board.suites) {
      writePage(paths.suite(s.suite), suitePage(ctx, s));
      lap('suite pages');
      for (const f of s.families) {
        writePage(paths.family(s.suite, f.family), familyPage(ctx, s, f));
        lap('family pages');
      }
    }
    for (const m of allModels) writePage(paths.model(m), modelPage(ctx, m));
    for (const b of seriesBoards) writePage(paths.series(b.series), seriesPage(ctx, b));
    lap('model pages');
    const places = new Map<string, ItemPlace[]>();
    for (const s of data.suites) {
      for (const t of s.tasks.values()) {
        for (const id of shownItems.get(shownKey(s.name, t.info.id)) ?? []) {
          const list = places.get(id) ?? [];
          list.push({ suite: s.name, task: t.info.id, family: t.info.family });
          places.set(id, list);
        }
      }
    }
    for (const [id, where] of places) {
      const view = loadItemView(store, id, chosenRuns);
      if (!view) continue;
      const p = itemPage(ctx, view, where);
      writePage(paths.item(id), p);
      for (const img of p.images) write(img.path, img.data);
      stats.itemPages++;
    }
    lap('item pages');
    // item search over a static index, and paired compare pages.
    const search = searchIndex(ctx);
    write(explorePaths.searchIndexJson(), JSON.stringify(search));
    write(
      explorePaths.searchIndexJs(),
      `window.GENBENCH_SEARCH = ${JSON.stringify(search).replace(/</g, '\\u003c')};\n`,
    );
    write('assets/search.js', SEARCH_JS);
    writePage(explorePaths.search(), searchPage(ctx, search));
    for (const c of comparePages(ctx)) writePage(c.path, c.page);
    lap('explore pages');
    write(MARKER, `${JSON.stringify({ builtBy: 'bench leaderboard', generatedAt: board.generatedAt })}\n`);
    // Swap: the old site moves aside only once the new one is complete.
    const old = `${tmp}.old`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  lap('swap');
  return {
    out,
    ...stats,
    ms: performance.now() - t0,
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
  };
}
