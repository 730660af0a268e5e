// Loading: the export layouts and weight variants, the model identity, and a one-line config
// error naming the file for every broken or missing piece of a checkpoint folder.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/models/spec.js';
import { GraphBuilder } from '../../../src/models/onnx/testing/graph-builder.js';
import { tinyCheckpointFiles } from '../../../src/models/onnx/testing/checkpoint-files.js';
import { Rng } from '../../../src/core/rng.js';
import { checkpointDir, load, modelError } from './helpers.js';

async function configError(spec: string): Promise<string> {
  const e = await modelError(load(spec));
  expect(e.kind).toBe('config');
  expect(e.fatal).toBe(true);
  expect(e.message).not.toContain('\n');
  return e.message;
}

describe('onnx checkpoints: what is missing or malformed is named in one line', () => {
  it('a folder that does not exist, or a file instead of a folder', async () => {
    expect(await configError('onnx:/nonexistent/step-1000')).toMatch(
      /^onnx checkpoint folder '\/nonexistent\/step-1000' does not exist \(expected a Hugging Face ONNX export/,
    );
    const dir = checkpointDir(tinyCheckpointFiles());
    expect(await configError(`onnx:${dir}/config.json`)).toMatch(/is a file, not a folder/);
  });

  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
    it(`a folder without ${file}`, async () => {
      const dir = checkpointDir(tinyCheckpointFiles());
      rmSync(join(dir, ...file.split('/')));
      expect(await configError(`onnx:${dir}`)).toMatch(
        new RegExp(`^onnx checkpoint '.*': missing ${file.replace('.', '\\.')} \\(expected`),
      );
    });
  }

  it('malformed JSON, tokenizer, template and ONNX files', async () => {
    const broken = (file: string, content: string) => {
      const dir = checkpointDir(tinyCheckpointFiles());
      writeFileSync(join(dir, ...file.split('/')), content);
      return `onnx:${dir}`;
    };
    expect(await configError(broken('config.json', '{"model_type": "llama",'))).toMatch(
      /config\.json is not valid JSON/,
    );
    expect(await configError(broken('generation_config.json', '[1, 2]'))).toMatch(
      /generation_config\.json must hold a JSON object/,
    );
    expect(await configError(broken('tokenizer.json', '{"model": {"type": "Nonsense"}}'))).toMatch(
      /tokenizer\.json could not be loaded/,
    );
    expect(await configError(broken('chat_template.jinja', '{% for m in messages %}'))).toMatch(
      /the chat template does not parse/,
    );
    expect(await configError(broken('onnx/model.onnx', 'this is not a protobuf'))).toMatch(
      /onnx\/model\.onnx could not be loaded by ONNX Runtime/,
    );
  });

  it('an ONNX graph that is not a decoder, or takes inputs the loop cannot feed', async () => {
    const notDecoder = (build: (g: GraphBuilder) => void) => {
      const g = new GraphBuilder('x');
      build(g);
      return checkpointDir({ ...tinyCheckpointFiles(), 'onnx/model.onnx': g.encode() });
    };
    const classifier = notDecoder((g) => {
      g.input('pixel_values', 'float', ['batch', 3]);
      g.op('Identity', ['pixel_values'], undefined, 'scores');
      g.output('scores', 'float', ['batch', 3]);
    });
    expect(await configError(`onnx:${classifier}`)).toMatch(/has no int64 'input_ids' input \(inputs: pixel_values\)/);
    const extraInput = notDecoder((g) => {
      g.input('input_ids', 'int64', ['b', 's']);
      g.input('token_type_ids', 'int64', ['b', 's']);
      g.op('Cast', ['input_ids'], { to: { kind: 'int', value: 1 } }, 'logits');
      g.output('logits', 'float', ['b', 's']);
    });
    expect(await configError(`onnx:${extraInput}`)).toMatch(/input 'token_type_ids' is not supported/);
  });
});

describe('onnx checkpoints: layouts, variants and options', () => {
  const dir = checkpointDir(tinyCheckpointFiles({ dtypes: ['fp32', 'fp16', 'q8'] }));

  it('picks fp32 on the CPU by default, and the variant dtype= or file= names', async () => {
    for (const [suffix, file] of [
      ['', 'onnx/model.onnx'],
      ['?dtype=fp16', 'onnx/model_fp16.onnx'],
      ['?dtype=q8', 'onnx/model_quantized.onnx'],
      ['?file=onnx/model_quantized.onnx', 'onnx/model_quantized.onnx'],
    ] as const) {
      const m = await load(`onnx:${dir}${suffix}`);
      expect(m.info.modelFile).toBe(file);
      expect(m.identity).toContain(file);
      await m.close!();
    }
    expect(await configError(`onnx:${dir}?dtype=q4`)).toMatch(
      /missing onnx\/model_q4\.onnx for dtype=q4 \(variants present: fp32, fp16, q8\)/,
    );
    expect(await configError(`onnx:${dir}?file=../elsewhere.onnx`)).toMatch(
      /must be a path inside the checkpoint folder/,
    );
    expect(await configError(`onnx:${dir}?file=onnx/nope.onnx`)).toMatch(/missing onnx\/nope\.onnx \(named by file=\)/);
  });

  it('takes a lone fp16 export when there is no fp32 one, and refuses a lone with-past decoder', async () => {
    const files = tinyCheckpointFiles({ dtypes: ['fp16'] });
    const m = await load(`onnx:${checkpointDir(files)}`);
    expect(m.info.modelFile).toBe('onnx/model_fp16.onnx');
    await m.close!();
    const { 'onnx/model_fp16.onnx': graph, ...rest } = files;
    expect(await configError(`onnx:${checkpointDir({ ...rest, 'decoder_with_past_model.onnx': graph! })}`)).toMatch(
      /decoder_with_past_model\.onnx alone is not supported/,
    );
  });

  it('has an identity that names the weights and changes when they change, and caps the batch by the flag', async () => {
    const a = await load(`onnx:${dir}?batch=3`);
    const b = await load(`onnx:${dir}?window=0`);
    expect(a.identity).toBe(b.identity);
    expect(a.identity).toMatch(new RegExp(`^onnx:${dir.split('/').pop()}/onnx/model\\.onnx#[0-9a-f]{12}$`));
    expect(a.cacheable).toBe(true);
    expect([a.info.batch, a.defaultConcurrency]).toEqual([3, 6]);
    expect(b.info.batch).toBe(8);
    const other = checkpointDir(tinyCheckpointFiles({ layers: 3 }));
    const c = await load(`onnx:${other}`);
    expect(c.identity).not.toBe(a.identity);
    for (const m of [a, b, c]) await m.close!();
  });

  it('rejects bad options with the accepted values', async () => {
    expect(await configError(`onnx:${dir}?devise=cuda`)).toMatch(
      /unknown option 'devise'\. Did you mean 'device'\? Known: device, batch, dtype, file, threads, window/,
    );
    expect(await configError(`onnx:${dir}?batch=0`)).toMatch(/batch=0: expected a positive integer/);
    expect(await configError(`onnx:${dir}?device=gpu`)).toMatch(/device=gpu: expected cpu, cuda, cuda:<index> or auto/);
    expect(await configError(`onnx:${dir}?dtype=fp8`)).toMatch(/dtype=fp8: expected auto or one of fp32, fp16, q8/);
    expect(await configError(`onnx:${dir}?batch=2&batch=3`)).toMatch(/option 'batch' is given twice/);
    expect(await configError(`onnx:?batch=2`)).toMatch(/the checkpoint path is empty/);
  });

  it('loads through the spec registry, and onnx:demo needs no files at all', async () => {
    const m = await loadModel(`onnx:${dir}`);
    expect(m.identity).toMatch(/^onnx:/);
    await m.close!();
    const demo = await loadModel('onnx:demo');
    expect(demo.identity).toMatch(/^onnx:demo\/onnx\/model\.onnx#/);
    const r = await demo.generate({
      messages: [{ role: 'user', content: 'Hello' }],
      sampling: {},
      sampleIndex: 0,
      rng: Rng.fromKey('x'),
    });
    expect(r.text).toMatch(/^[a-{]*$/);
    expect(r.usage!.outputTokens).toBeGreaterThan(0);
    await demo.close!();
  });
});
