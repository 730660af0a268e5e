// `npm run bench`: every benchmark script in this folder, one after another, each in its own
// process (so one's memory and JIT state never colour another's numbers). Flags pass through:
//   npm run bench -- --quick          one repeat, smaller sizes
//   npm run bench -- runner satquest  only these scripts
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const chosen = names.length ? names : scripts;
const unknown = chosen.filter((n) => !scripts.includes(n));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${scripts.join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen) {
  process.stderr.write(`\n=== ${name}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`benchmark ${name} exited with ${r.status}\n`);
  }
}
process.exit(failed ? 1 : 0);
