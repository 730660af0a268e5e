// JUnit XML: one test case per gating check, so CI test tabs list them. A regression is a
// failure; an inconclusive check is "skipped" (neither passed nor failed), which is what most CI
// viewers show as neutral. Every string is escaped, and characters XML 1.0 forbids are dropped.
import type { GateResult } from './gate.js';
import { KIND_LABEL, explain } from './format.js';

export function xmlEscape(value: unknown): string {
  return (
    String(value ?? '')
      // Not allowed in XML 1.0 at all, even as references: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
      // eslint-disable-next-line no-control-regex
      .replace(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '\ufffd',
      )
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

export function renderJUnit(r: GateResult): string {
  const cases = r.checks.filter((c) => c.gating);
  const failures = cases.filter((c) => c.status === 'regression').length;
  const skipped = cases.filter((c) => c.status === 'inconclusive').length;
  const a = (v: unknown) => `"${xmlEscape(v)}"`;
  const props: [string, unknown][] = [
    ['verdict', r.verdict],
    ['exitCode', r.exitCode],
    ['suite', `${r.suite.name} v${r.suite.version} (${r.suite.hash})`],
    ['baseline', r.baseline.modelSpec],
    ['candidate', r.candidate.modelSpec],
    ['alpha', r.config.alpha],
    ['margin', r.config.margin],
    ['baselineErrors', `${r.errors.baseline.errors} of ${r.errors.baseline.planned}`],
    ['candidateErrors', `${r.errors.candidate.errors} of ${r.errors.candidate.planned} (counted as wrong answers)`],
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="genbench gate" tests=${a(cases.length)} failures=${a(failures)} skipped=${a(skipped)} errors="0">`,
    `  <testsuite name=${a(`genbench gate: ${r.suite.name}`)} tests=${a(cases.length)} failures=${a(failures)} skipped=${a(skipped)} errors="0">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name=${a(k)} value=${a(v)}/>`),
    '    </properties>',
  ];
  for (const c of cases) {
    const name = `${KIND_LABEL[c.kind]}: ${c.scopeType} ${c.scope}`;
    const why = explain(c, r.config.alpha);
    out.push(`    <testcase classname=${a(`genbench.gate.${r.suite.name}`)} name=${a(name)}>`);
    if (c.status === 'regression')
      out.push(`      <failure type="regression" message=${a(why)}>${xmlEscape(why)}</failure>`);
    else if (c.status === 'inconclusive') out.push(`      <skipped message=${a(`inconclusive: ${why}`)}/>`);
    out.push(`      <system-out>${xmlEscape(why)}</system-out>`, '    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
