// Where the package lives, whether running from src/ (tsx, vitest) or from dist/ (the bin).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'genbench') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('genbench: cannot find the package root (package.json named genbench)');
    dir = up;
  }
}

export function harnessVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}
