import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSite, SiteError, type BuildResult } from '../../src/leaderboard/build.js';
import { CSP } from '../../src/leaderboard/layout.js';
import { htmlEscape } from '../../src/core/escape.js';
import { html, trusted } from '../../src/leaderboard/html.js';
import { paths, slug } from '../../src/leaderboard/slug.js';
import { guessCurveKnob } from '../../src/leaderboard/views.js';
import { bench } from '../helpers/cli.js';
import { toyDb, XSS, XSS_MODEL, type ToyDb } from './fixture.js';

let db: ToyDb;
let out: string;
let built: BuildResult;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

beforeAll(async () => {
  db = await toyDb();
  out = join(dirname(db.path), 'site');
  built = buildSite(db.store, { out, itemsPerTask: 5, resamples: 300, permutations: 300 });
});
afterAll(() => {
  db.store.close();
  rmSync(dirname(db.path), { recursive: true, force: true });
});

describe('the static site', () => {
  it('has every page with a JSON twin, and stable addresses', () => {
    for (const p of [
      paths.index(),
      paths.suite('toyboard'),
      paths.family('toyboard', 'toy-a'),
      paths.family('toyboard', 'toy-b'),
      paths.model('mock:solver'),
      paths.model(XSS_MODEL),
    ]) {
      expect(existsSync(join(out, p)), p).toBe(true);
      expect(() => JSON.parse(readFileSync(join(out, paths.json(p)), 'utf8')), p).not.toThrow();
    }
    expect(paths.model('mock:solver')).toBe('m/mock-solver-' + slug('mock:solver').split('-').pop() + '.html');
    expect(slug('quick')).toBe('quick');
    expect(slug('Quick')).not.toBe(slug('quick'));
    expect(slug(XSS_MODEL)).toMatch(/^[a-z0-9._-]+$/);
    // 6 tasks × 5 items per task, each with its page.
    expect(built.itemPages).toBe(30);
    expect(walk(join(out, 'i')).filter((f) => f.endsWith('.html'))).toHaveLength(30);
    expect(built.mainPageBytes).toBeLessThan(2_000_000);
  });

  it('carries the strict CSP on every page and no inline script, handler or style', () => {
    for (const file of walk(out).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toContain(`<meta http-equiv="Content-Security-Policy" content="${htmlEscape(CSP)}">`);
      // Only the site's own script files; the search page adds its index and its filter script.
      const scripts = file.endsWith('search.html') ? ['app', 'search-index', 'search'] : ['app'];
      expect(text.match(/<script\b[^>]*>/g), file).toEqual(
        scripts.map((n) => expect.stringMatching(new RegExp(`^<script src="(\\.\\./)*assets/${n}\\.js" defer>$`))),
      );
      // Attributes only ever appear inside tags; escaped text never contains a raw '<'.
      const tags = text.match(/<[a-zA-Z][^>]*>/g) ?? [];
      for (const tag of tags) {
        // Quoted values are text (their quotes are escaped inside); only attribute names matter.
        const names = tag.replace(/"[^"]*"/g, '""');
        expect(names, file).not.toMatch(/\son[a-z]+\s*=/i);
        expect(names, file).not.toMatch(/\sstyle\s*=/i);
        expect(names, file).not.toMatch(/=\s*[^"\s>]/);
      }
    }
  });

  it('shows model output, model names and prompts as text', () => {
    const itemFile = walk(join(out, 'i')).find((f) => f.endsWith('.html'))!;
    const page = readFileSync(itemFile, 'utf8');
    expect(page).toContain(
      '&#60;script&#62;window.__xss = 1; alert(&#34;script&#34;)&#60;/script&#62;&#60;img src=x onerror=',
    );
    expect(page).not.toContain('<script>window');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('mock:xss&#60;img src=x onerror=alert(9)&#62;');
    const json = JSON.parse(readFileSync(itemFile.replace(/\.html$/, '.json'), 'utf8'));
    expect(json.answers.find((a: { modelSpec: string }) => a.modelSpec === XSS_MODEL).output).toBe(XSS);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('mock:xss&#60;img src=x onerror=alert(9)&#62;');
  });

  it('draws the accuracy chart with the ID region and the scatter', () => {
    const family = readFileSync(join(out, paths.family('toyboard', 'toy-a')), 'utf8');
    expect(family).toContain('class="id-band"');
    expect((family.match(/<polyline points="[^"]+"/g) ?? []).length).toBe(4);
    expect(family).toContain('class="chart scatter"');
    const json = JSON.parse(readFileSync(join(out, paths.json(paths.family('toyboard', 'toy-a'))), 'utf8'));
    expect(json.curve.knob).toBe('max');
    expect(json.curve.idRange).toEqual([9, 9]);
  });

  it('replaces its own earlier build and refuses a folder it did not build', () => {
    writeFileSync(join(out, 'i', 'stale.html'), 'old');
    buildSite(db.store, { out, itemsPerTask: 1, resamples: 50, permutations: 50 });
    expect(existsSync(join(out, 'i', 'stale.html'))).toBe(false);
    expect(readdirSync(dirname(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const foreign = join(dirname(out), 'mine');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    expect(() => buildSite(db.store, { out: foreign, resamples: 50 })).toThrow(SiteError);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

describe('site helpers', () => {
  it('escapes every interpolated value unless it is trusted markup', () => {
    expect(html`<p title="${'"><b>'}">${'<i>'}${trusted('<br>')}${['<', html`<u>`]}</p>`.value).toBe(
      '<p title="&#34;&#62;&#60;b&#62;">&#60;i&#62;<br>&#60;<u></p>',
    );
  });

  it('guesses the knob that separates OOD from ID', () => {
    const meta = new Map([
      ['i1', { index: 0, knobs: { max: 9, k: 1 } }],
      ['i2', { index: 1, knobs: { max: 99, k: 1 } }],
      ['i3', { index: 2, knobs: { max: 9, k: 2 } }],
    ]);
    const task = (id: string, split: 'id' | 'ood', items: string[]) => ({
      info: { id, family: 'f', split, axis: 'x', generator: 'g', control: false },
      items,
      scores: new Map(),
      errors: new Map(),
      meanScore: new Map(),
    });
    expect(guessCurveKnob([task('a', 'id', ['i1', 'i3']), task('b', 'ood', ['i2'])], meta)).toBe('max');
  });
});

describe('bench leaderboard (CLI)', () => {
  it('builds the site and documents itself', async () => {
    const target = join(dirname(db.path), 'cli-site');
    const r = await bench([
      'leaderboard',
      '--db',
      db.path,
      '--out',
      target,
      '--items-per-task',
      '1',
      '--resamples',
      '100',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).itemPages).toBe(6);
    expect(existsSync(join(target, 'index.html'))).toBe(true);
    const help = await bench(['leaderboard', '--help']);
    expect(help.stdout).toContain('Examples:');
  });
});
