import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Store } from '../store/store.js';
import { terminalSafe } from '../core/escape.js';
import { confinedPath, safeFileName } from '../core/safe-path.js';
import { fitLines } from '../report/terminal.js';
import type { Message } from '../core/types.js';
import { UsageError } from './errors.js';
import { DEFAULT_DB, requireDb } from './options.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description("show one item: its prompt, truth, reference, and every stored model's answer and verdict")
    .argument('<item-id>', 'the item id, or a unique prefix of it')
    .option('--db <file>', 'SQLite database', DEFAULT_DB)
    .option('--images <dir>', 'write the prompt images to this folder')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ bench show 3f9a2c
  $ bench show 3f9a2c41d07be5a1c2e9 --images ./out --json`,
    )
    .action((idArg: string, flags: { db: string; images?: string; json?: boolean }) => {
      requireDb(flags.db);
      const store = Store.openReadOnly(flags.db);
      try {
        const matches = store.itemIdsWithPrefix(idArg.toLowerCase());
        if (matches.length === 0) throw new UsageError(`no item with id '${idArg}' in ${flags.db}`);
        if (matches.length > 1 && !matches.includes(idArg))
          throw new UsageError(`'${idArg}' matches several items (${matches.join(', ')}…): give more characters`);
        const id = matches.includes(idArg) ? idArg : matches[0]!;
        const item = store.item(id)!;
        const results = store.itemResults(id);
        const images = flags.images ? writeImages(item.messages, flags.images, id) : [];
        if (flags.json) return void process.stdout.write(`${JSON.stringify({ item, results, images }, null, 2)}\n`);
        const lines: string[] = [
          `item ${item.id}  ${item.generator}@${item.generatorVersion}  seed ${item.seed} index ${item.index}`,
          `difficulty ${JSON.stringify(item.difficulty)}`,
          '',
          '── prompt',
          ...item.messages.map(renderMessage),
          '',
          '── truth',
          JSON.stringify(item.truth, null, 2),
          '',
          '── reference',
          item.reference ?? '(none)',
        ];
        if (images.length) lines.push('', `── images written: ${images.join(', ')}`);
        lines.push('', `── answers (${results.length})`);
        for (const r of results) {
          const verdict = r.verdict ? (JSON.parse(r.verdict) as { reason?: string }) : {};
          const mark =
            r.status === 'error'
              ? `ERROR ${r.errorKind}: ${r.errorMessage}`
              : r.correct
                ? 'correct'
                : `wrong${verdict.reason ? `: ${verdict.reason}` : ''}`;
          const cut = r.cutChars ? `  (${r.cutChars} characters cut by the reply limits)` : '';
          lines.push(
            `${r.modelSpec}  [${r.task}, ${r.split}, sample ${r.sample}]  ${mark}${cut}`,
            indent(r.output ?? ''),
            '',
          );
        }
        process.stdout.write(`${fitLines(terminalSafe(lines.join('\n')))}\n`);
      } finally {
        store.close();
      }
    });
}

function renderMessage(m: Message): string {
  const body =
    typeof m.content === 'string'
      ? m.content
      : m.content
          .map((p) =>
            p.type === 'text' ? p.text : `[image ${p.mediaType}, ${Math.round((p.data.length * 3) / 4 / 1024)} KiB]`,
          )
          .join('\n');
  return `[${m.role}]\n${body}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function writeImages(messages: Message[], dir: string, id: string): string[] {
  const files: string[] = [];
  mkdirSync(dir, { recursive: true });
  messages.forEach((m, mi) => {
    if (typeof m.content === 'string') return;
    m.content.forEach((p, pi) => {
      if (p.type !== 'image') return;
      // The id comes from the database, which may have been crafted: a bare, confined file name.
      const file = confinedPath(dir, `${safeFileName(id)}-${mi}-${pi}.${p.mediaType === 'image/png' ? 'png' : 'jpg'}`);
      writeFileSync(file, Buffer.from(p.data, 'base64'));
      files.push(file);
    });
  });
  return files;
}
