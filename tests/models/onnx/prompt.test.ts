// The checkpoint's chat template, rendered by @huggingface/jinja as transformers would: a ChatML
// template with the constructs real ones use (namespace, loop, raise_exception, string methods),
// its output compared with the string written out by hand, and a template that rejects a
// conversation failing that one request only.
import { describe, expect, it } from 'vitest';
import { tinyCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { checkpointDir, load, modelError, request } from './helpers.js';

const CHATML = `{%- set ns = namespace(system=false) -%}
{%- for m in messages -%}
  {%- if m['role'] == 'system' -%}{%- set ns.system = true -%}{%- endif -%}
  {%- if m['role'] not in ['system', 'user', 'assistant'] -%}{{ raise_exception('unknown role ' + m['role']) }}{%- endif -%}
{%- endfor -%}
{%- if not ns.system -%}{{ '<|im_start|>system\\nYou are helpful.<|im_end|>\\n' }}{%- endif -%}
{%- for m in messages -%}
  {{ '<|im_start|>' + m['role'] + '\\n' + m['content'].strip() + '<|im_end|>' }}{% if not loop.last %}{{ '\\n' }}{% endif %}
{%- endfor -%}
{%- if add_generation_prompt -%}{{ '\\n<|im_start|>assistant\\n' }}{%- endif -%}`;

const STRICT =
  "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for m in messages %}{{ m['content'] }}{% endfor %}";

describe('onnx chat templates', () => {
  it('renders a ChatML-style template exactly as written out by hand', async () => {
    const files = { ...tinyCheckpointFiles({ chatTemplate: 'none' }), 'chat_template.jinja': CHATML };
    const model = await load(`onnx:${checkpointDir(files)}`);
    // Every character of this vocabulary is one token, and '<|im_start|>' is not a special token
    // here, so the prompt's token count is the rendered string's length.
    const noSystem =
      '<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\nWhat is 6 x 7?<|im_end|>\n<|im_start|>assistant\n';
    const r1 = await model.generate(request('  What is 6 x 7?  ', { maxTokens: 1 }));
    expect(r1.usage!.inputTokens).toBe(noSystem.length);
    const withSystem =
      '<|im_start|>system\nBe terse.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n';
    const r2 = await model.generate(
      request(
        [
          { role: 'system', content: 'Be terse.' },
          { role: 'user', content: 'Hi' },
        ],
        { maxTokens: 1 },
      ),
    );
    expect(r2.usage!.inputTokens).toBe(withSystem.length);
    await model.close!();
  });

  it('a template that rejects the conversation fails that request as a content error, not the run', async () => {
    const files = { ...tinyCheckpointFiles({ chatTemplate: 'none' }), 'chat_template.jinja': STRICT };
    const model = await load(`onnx:${checkpointDir(files)}`);
    const e = await modelError(
      model.generate(
        request([
          { role: 'system', content: 'x' },
          { role: 'user', content: 'y' },
        ]),
      ),
    );
    expect(e.kind).toBe('content');
    expect(e.message).toMatch(/the chat template rejected the messages \(.*System role not supported/);
    expect((await model.generate(request('fine', { maxTokens: 2 }))).usage!.inputTokens).toBe(4);
    await model.close!();
  });
});
