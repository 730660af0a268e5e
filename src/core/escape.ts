// Model output is untrusted. Before it reaches a terminal, control characters (ANSI escapes that
// could rewrite the screen or the title bar) become visible code points; before it reaches HTML,
// markup characters become entities.

/** Makes text safe to print: keeps \n and \t, shows every other control character as \u{..}. */
export function terminalSafe(text: unknown): string {
  const s = typeof text === 'string' ? text : String(text ?? '');
  // eslint-disable-next-line no-control-regex
  return s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

export function htmlEscape(text: unknown): string {
  const s = typeof text === 'string' ? text : String(text ?? '');
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
