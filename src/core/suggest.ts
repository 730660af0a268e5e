// "Did you mean …" for unknown names (generators, providers, suites, flags).

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` known names closest to `name` (substring matches first), or [] when none is close. */
export function closestNames(name: string, known: readonly string[], max = 3): string[] {
  const n = name.toLowerCase();
  const scored = known.map((k) => {
    const kl = k.toLowerCase();
    const tail = kl.split('/').pop()!;
    const d = kl.includes(n) || n.includes(tail) ? 0 : Math.min(editDistance(n, kl), editDistance(n, tail));
    return { k, d };
  });
  const limit = Math.max(2, Math.floor(n.length / 3));
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((s) => s.k);
}

export function didYouMean(name: string, known: readonly string[]): string {
  const close = closestNames(name, known);
  return close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?` : '';
}
