// Schema migrations, applied in order and recorded in `meta.schema_version`. Never edit a
// shipped migration: add the next one.

export const MIGRATIONS: readonly string[] = [
  // 1: the initial schema.
  `
  CREATE TABLE generators (
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    family TEXT NOT NULL,
    PRIMARY KEY (name, version)
  );

  -- Content-addressed blobs: prompts (which may hold images) are stored once however many
  -- items or runs share them.
  CREATE TABLE blobs (
    hash TEXT PRIMARY KEY,
    content TEXT NOT NULL
  );

  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    generator TEXT NOT NULL,
    generator_version TEXT NOT NULL,
    params TEXT NOT NULL,
    seed TEXT NOT NULL,
    idx INTEGER NOT NULL,
    difficulty TEXT NOT NULL,
    prompt_hash TEXT NOT NULL REFERENCES blobs(hash),
    truth TEXT NOT NULL,
    reference TEXT
  );

  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    model_spec TEXT NOT NULL,
    model_identity TEXT NOT NULL,
    suite_name TEXT NOT NULL,
    suite_version TEXT NOT NULL,
    suite_hash TEXT NOT NULL,
    harness_version TEXT NOT NULL,
    sampling TEXT NOT NULL,
    samples INTEGER NOT NULL,
    generator_versions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'interrupted', 'failed')),
    planned INTEGER NOT NULL
  );

  -- The tasks of a run: this is where an item gets its split and axis, because the same item
  -- could be ID in one suite and OOD in another.
  CREATE TABLE run_tasks (
    run_id TEXT NOT NULL REFERENCES runs(id),
    task TEXT NOT NULL,
    generator TEXT NOT NULL,
    family TEXT NOT NULL,
    split TEXT NOT NULL CHECK (split IN ('train', 'id', 'ood')),
    axis TEXT NOT NULL,
    params TEXT NOT NULL,
    seed TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (run_id, task)
  );

  CREATE TABLE results (
    run_id TEXT NOT NULL REFERENCES runs(id),
    item_id TEXT NOT NULL REFERENCES items(id),
    sample INTEGER NOT NULL,
    task TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    output TEXT,
    correct INTEGER,
    score REAL,
    format_ok INTEGER,
    verdict TEXT,
    error_kind TEXT,
    error_message TEXT,
    turns INTEGER NOT NULL DEFAULT 1,
    latency_ms REAL,
    input_tokens INTEGER,
    output_tokens INTEGER,
    cached INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, item_id, sample)
  ) WITHOUT ROWID;
  CREATE INDEX results_item ON results(item_id);

  -- Response cache. Key = hash(model identity, sampling, messages, sample index). Errors are
  -- never written here.
  CREATE TABLE cache (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    usage TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: provider-measured metrics per result (ONNX per-token latency, time to first token, ...).
  `
  ALTER TABLE results ADD COLUMN metrics TEXT;
  `,
  // 3 (issue 21): characters cut from a result's replies and transcript by the reply limits
  // (NULL: nothing cut), and the lease that keeps one process writing a run.
  `
  ALTER TABLE results ADD COLUMN cut_chars INTEGER;
  CREATE TABLE run_leases (
    run_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    heartbeat_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 4 (issue 15): the checkpoint behind a run and the training series it belongs to. A table of
  // its own, keyed by run id, so it can be written before the run row exists (series resume).
  `
  CREATE TABLE run_checkpoints (
    run_id TEXT PRIMARY KEY,
    checkpoint_path TEXT NOT NULL,
    fingerprint TEXT,
    manifest TEXT,
    step INTEGER,
    series TEXT,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX run_checkpoints_series ON run_checkpoints(series, step);
  `,
  // 5 (issue 16): the verifier version of each verdict, and the verdicts \`bench rescore\` replaced.
  `
  ALTER TABLE results ADD COLUMN verifier_version TEXT;
  CREATE TABLE verdict_history (
    run_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    sample INTEGER NOT NULL,
    verifier_version TEXT,
    correct INTEGER,
    score REAL,
    format_ok INTEGER,
    verdict TEXT,
    replaced_at TEXT NOT NULL,
    replaced_by TEXT
  );
  CREATE INDEX verdict_history_result ON verdict_history(run_id, item_id, sample);
  `,
  // 6 (issue 19): shards: a run of part of the items (\`bench run --shard i/N\`) records its part and
  // the id of the whole run (the id an unsharded run of the same items has); \`bench merge\` writes
  // shards into that run and remembers in run_shards which parts it holds.
  `
  ALTER TABLE runs ADD COLUMN shard_index INTEGER;
  ALTER TABLE runs ADD COLUMN shard_count INTEGER;
  ALTER TABLE runs ADD COLUMN shard_of TEXT;
  CREATE TABLE run_shards (
    run_id TEXT NOT NULL REFERENCES runs(id),
    shard_index INTEGER NOT NULL,
    shard_count INTEGER NOT NULL,
    source_run_id TEXT NOT NULL,
    source_created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (run_id, shard_index)
  );
  `,
  // 7 (issue 18): tasks a model cannot take (e.g. image prompts for a text-only model): the reason, or NULL.
  // Such tasks get no results, are never retried and stay out of the model's averages.
  `
  ALTER TABLE run_tasks ADD COLUMN unsupported TEXT;
  `,
  // 8 (issue 20): a task's declared role ('scored' or 'control'); runs stored before it marked
  // controls with axis 'control' (src/core/role.ts undeclaredRole).
  `
  ALTER TABLE run_tasks ADD COLUMN role TEXT NOT NULL DEFAULT 'scored';
  UPDATE run_tasks SET role = 'control' WHERE axis = 'control';
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
