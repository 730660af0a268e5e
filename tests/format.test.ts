// The formatter's check: every TypeScript and JavaScript source is as `npm run format` writes it
// (prettier, .prettierrc.json: 120 columns). Fix a failure with `npm run format`.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

const root = join(import.meta.dirname, '..');

/** The tracked sources .prettierignore leaves to the formatter (a scaffold in the working tree is its owner's). */
async function formattedFiles(): Promise<string[]> {
  const listed = execFileSync('git', ['ls-files', '--cached', '-z'], { cwd: root, encoding: 'utf8' });
  const files: string[] = [];
  for (const file of listed.split('\0').filter((f) => f && existsSync(join(root, f)))) {
    const info = await prettier.getFileInfo(join(root, file), { ignorePath: join(root, '.prettierignore') });
    if (!info.ignored && info.inferredParser) files.push(file);
  }
  return files;
}

describe('formatting', () => {
  it('every source file is formatted (run `npm run format` to fix)', async () => {
    const files = await formattedFiles();
    expect(files.length).toBeGreaterThan(300);
    const unformatted: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      const options = { ...(await prettier.resolveConfig(path)), filepath: path };
      if (!(await prettier.check(readFileSync(path, 'utf8'), options))) unformatted.push(file);
    }
    expect(unformatted, 'not formatted: run `npm run format`').toEqual([]);
  }, 180_000);
});
