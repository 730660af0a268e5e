// Reading the strings inside a plan: "Name, City" entities, "from A to B" cities, attraction
// lists and transportation lines. Upstream's rules, with its parse crashes removed: anything
// unreadable comes back as undefined and the checks count it as a failure.

/** Text before the first "(...)": "Rockford(Illinois)" → "Rockford" (upstream extract_before_parenthesis). */
export function beforeParenthesis(s: string): string {
  const i = s.indexOf('(');
  return (i >= 0 ? s.slice(0, i) : s).trim();
}

/** A city as written, without a "(State)" suffix or trailing periods. */
export function cleanCity(s: string): string {
  return beforeParenthesis(s)
    .replace(/[.\s]+$/, '')
    .trim();
}

export interface Entity {
  name: string;
  city: string;
}

/** "Name, City" split at the last comma (upstream get_valid_name_city); undefined without a comma. */
export function parseEntity(text: string): Entity | undefined {
  const s = text.trim();
  const at = s.lastIndexOf(',');
  if (at <= 0) return undefined;
  const name = s.slice(0, at).trim();
  const city = cleanCity(s.slice(at + 1));
  return name && city ? { name, city } : undefined;
}

/**
 * The attractions of one day. Upstream splits on ';' and drops the last piece, so a list without
 * a trailing ';' loses its last attraction; here every non-empty piece counts.
 */
export function splitAttractions(text: string): string[] {
  return text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '-');
}

/** The cities of a day: [A, B] for "from A to B", otherwise the one city. */
export function parseCurrentCity(text: string): { travel: boolean; cities: string[] } | undefined {
  const s = text.trim();
  if (!s || s === '-') return undefined;
  const m = /^from\s+(.+?)\s+to\s+(.+)$/i.exec(s);
  if (m) {
    const a = cleanCity(m[1]!);
    const b = cleanCity(m[2]!);
    return a && b ? { travel: true, cities: [a, b] } : undefined;
  }
  const c = cleanCity(s);
  return c ? { travel: false, cities: [c] } : undefined;
}

export type TransportKind = 'flight' | 'self-driving' | 'taxi' | 'unknown';

export interface Transport {
  kind: TransportKind;
  /** Flight number, upper-cased, when the line names one. */
  number?: string;
  from?: string;
  to?: string;
}

/** "from A to B" inside a transportation line, B ending at a comma (upstream extract_from_to). */
function routeIn(text: string): { from: string; to: string } | undefined {
  const m = /from\s+(.+?)\s+to\s+([^,]+)/i.exec(text);
  if (!m) return undefined;
  const from = cleanCity(m[1]!);
  const to = cleanCity(m[2]!);
  return from && to ? { from, to } : undefined;
}

export function parseTransport(text: string): Transport {
  const s = text.trim();
  const number = /flight\s*number\s*:?\s*(F\d+)/i.exec(s)?.[1] ?? /\b(F\d{7})\b/.exec(s)?.[1];
  let kind: TransportKind = 'unknown';
  if (number || /flight/i.test(s)) kind = 'flight';
  else if (/self[-\s]?driv/i.test(s)) kind = 'self-driving';
  else if (/taxi/i.test(s)) kind = 'taxi';
  const route = routeIn(s);
  const out: Transport = { kind };
  if (number) out.number = number.toUpperCase();
  if (route) {
    out.from = route.from;
    out.to = route.to;
  }
  return out;
}
