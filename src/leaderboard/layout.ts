// The shell of every page: a strict Content Security Policy (scripts and styles only from the
// site's own files, no inline code, no network), the stylesheet, the sorting script, navigation
// and the link to the page's JSON twin.
import { html, type Raw } from './html.js';
import { href, paths } from './slug.js';

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export interface PageMeta {
  /** Path of the page from the site root (e.g. 's/quick/index.html'). */
  path: string;
  title: string;
  crumbs: { label: string; to?: string }[];
  generatedAt: string;
  /** The page has a JSON twin next to it. */
  json: boolean;
}

export function page(meta: PageMeta, body: Raw): string {
  const up = (to: string) => href(meta.path, to);
  const jsonName = paths.json(meta.path).split('/').pop()!;
  return `<!doctype html>\n${
    html`<html lang="en"><head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${meta.title} · genbench leaderboard</title>
<link rel="stylesheet" href="${up('assets/style.css')}">
<script src="${up('assets/app.js')}" defer></script>
</head><body>
<header class="top"><a class="brand" href="${up(paths.index())}">genbench leaderboard</a>
<nav class="crumbs">${meta.crumbs.map((c, i) => html`${i ? ' / ' : ''}${c.to ? html`<a href="${up(c.to)}">${c.label}</a>` : c.label}`)}</nav></header>
<main>${body}</main>
<footer>Built ${meta.generatedAt}.${meta.json ? html` <a href="${jsonName}">JSON of this page</a>.` : ''} Intervals are 95%; models are compared only on the items they share.</footer>
</body></html>`.value
  }\n`;
}
