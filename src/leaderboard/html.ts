// Safe-by-default HTML: every value interpolated into `html\`...\`` is escaped unless it is
// already markup built by `html` itself (a Raw). Model output, prompts, task ids and model names
// can only reach a page as text.
import { htmlEscape } from '../core/escape.js';

export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Raw | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Raw) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return htmlEscape(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Raw {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Raw(out);
}

/** Trusted markup produced by this package (never user or model text). */
export function trusted(markup: string): Raw {
  return new Raw(markup);
}

export function join(parts: readonly Raw[], sep = ''): Raw {
  return new Raw(parts.map((p) => p.value).join(sep));
}
