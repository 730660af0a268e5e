// An API-only install (`npm ci --omit=optional`) has no onnxruntime-node, and its `prepare` runs
// tsc: the build must type-check against the stand-in types that tsconfig.build.json's `paths` falls
// back to. Here the real package is hidden by pointing the first `paths` entry nowhere.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'genbench-no-ort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('building without onnxruntime-node', () => {
  it('tsconfig.build.json falls back to the stand-in types, and they type-check the onnx provider', () => {
    const base = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
    const [real, stub] = base.compilerOptions.paths['onnxruntime-node'];
    expect(real).toMatch(/node_modules\/onnxruntime-node\//);
    const config = join(dir, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, 'tsconfig.build.json'),
        compilerOptions: {
          noEmit: true,
          typeRoots: [join(root, 'node_modules', '@types')],
          paths: { 'onnxruntime-node': [join(dir, 'absent', 'index.d.ts'), join(root, stub)] },
        },
        include: [join(root, 'src/**/*.ts'), join(root, 'generators/**/*.ts')],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const trace = execFileSync(process.execPath, [tsc, '-p', config, '--traceResolution'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: 300_000,
    });
    // Every import of the package got the stand-ins (so the real types were really hidden)...
    const resolved = [...trace.matchAll(/Module name 'onnxruntime-node' was successfully resolved to '([^']+)'/g)].map(
      (m) => m[1],
    );
    expect(resolved.length).toBeGreaterThan(0);
    for (const r of resolved) expect(r).toBe(join(root, stub));
    // ...and execFileSync threw on no type error (tsc exits non-zero on one).
  }, 320_000);
});
