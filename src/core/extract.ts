// Answer-extraction helpers shared by verifiers. All are total: any string in, never a throw.

/** Longest \boxed{…} content looked at: an answer box is short, and this bounds the brace scan. */
const MAX_BOXED_SCAN = 4096;

/**
 * Content of the last \boxed{...} or \fbox{...} (balanced braces), or undefined. The whole reply
 * is searched (a box followed by any amount of text is found); the brace scan is bounded. Without
 * braces, `\boxed 7` boxes one character, as TeX does; `\boxed 75` (TeX boxes only the 7) is
 * ambiguous and gives undefined.
 */
export function lastBoxed(text: string): string | undefined {
  const s = String(text ?? '');
  const at = Math.max(s.lastIndexOf('\\boxed'), s.lastIndexOf('\\fbox'));
  if (at < 0) return undefined;
  let i = at + (s.startsWith('\\boxed', at) ? 6 : 5);
  if (/[A-Za-z]/.test(s[i] ?? '')) return undefined; // \boxedfoo is another macro
  while (i < s.length && i < at + 64 && /\s/.test(s[i]!)) i++;
  if (s[i] !== '{') {
    const one = s[i];
    if (one === undefined || /[\s}$\\]/.test(one)) return undefined;
    return /^[0-9A-Za-z]|^[.,/]\d/.test(s.slice(i + 1, i + 3)) ? undefined : one;
  }
  i++;
  let depth = 1;
  const start = i;
  const end = Math.min(s.length, start + MAX_BOXED_SCAN);
  for (; i < end; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return s.slice(start, i);
  }
  return undefined;
}

/** Content of the first (or last) <tag>...</tag>, case-insensitive. */
export function tagContent(text: string, tag: string, which: 'first' | 'last' = 'first'): string | undefined {
  const s = String(text ?? '');
  const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'gi');
  let found: string | undefined;
  for (const m of s.matchAll(re)) {
    found = m[1];
    if (which === 'first') break;
  }
  return found;
}

/** The text after the last line that starts with `label` (e.g. "Answer:"), trimmed. */
export function lastLabeledLine(text: string, label: string): string | undefined {
  const lines = String(text ?? '').split(/\r?\n/);
  const lower = label.toLowerCase();
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim().replace(/^[*_#>\s]+/, '');
    if (line.toLowerCase().startsWith(lower))
      return line
        .slice(label.length)
        .replace(/^[*_\s]+/, '')
        .trim();
  }
  return undefined;
}

/**
 * Parses the first JSON object in a response: the whole text, a ```json fenced block, or the
 * first balanced {...} span. Returns undefined when none parses.
 */
export function firstJsonObject(text: string): Record<string, unknown> | undefined {
  const s = clampText(text);
  const candidates: string[] = [s.trim()];
  for (const m of s.matchAll(/```(?:json)?\s*([\s\S]*?)```/gi)) candidates.push(m[1]!.trim());
  // Bounded: a flood of unmatched '{' must not make this quadratic.
  let tries = 0;
  for (let start = s.indexOf('{'); start >= 0 && tries < 32; start = s.indexOf('{', start + 1), tries++) {
    const end = matchingClose(s, start);
    if (end > start) candidates.push(s.slice(start, end + 1));
  }
  for (const c of candidates) {
    try {
      const v = JSON.parse(c);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* try the next candidate */
    }
  }
  return undefined;
}

/**
 * Index of the bracket that closes the `{` or `[` at `start`, skipping JSON strings; -1 when it
 * never closes or a closer of the other kind comes first.
 */
export function matchingClose(s: string, start: number): number {
  const closers: string[] = [];
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') closers.push('}');
    else if (ch === '[') closers.push(']');
    else if (ch === '}' || ch === ']') {
      if (closers.pop() !== ch) return -1;
      if (closers.length === 0) return i;
    }
  }
  return -1;
}

/** Long model outputs are cut before regex work so a verifier stays fast on adversarial input. */
export function clampText(text: unknown, maxChars = 200_000): string {
  const s = typeof text === 'string' ? text : String(text ?? '');
  return s.length > maxChars ? s.slice(s.length - maxChars) : s;
}
