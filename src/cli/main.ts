#!/usr/bin/env node
// The `bench` command line. Each command lives in its own file and calls library functions; this
// file only wires them up and turns errors into one line and an exit code.
import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { harnessVersion } from '../core/paths.js';
import { reportError } from './errors.js';
import { registerRun } from './run.js';
import { registerGenerate } from './generate.js';
import { registerList } from './list.js';
import { registerShow } from './show.js';
import { registerGate } from './gate.js';
import { registerReport } from './report.js';
import { registerLeaderboard } from './leaderboard.js';
import { registerDoctor } from './doctor.js';
import { registerScore } from './score.js';
import { registerRescore } from './rescore.js';
import { registerServe } from './serve.js';
import { registerMerge } from './merge.js';
import { registerNew } from './new.js';

export function buildProgram(): Command {
  const program = new Command('bench')
    .description('genbench: does the model still work out of distribution? Procedural ID/OOD suites, exact verifiers, SQLite results.')
    .version(harnessVersion())
    .showSuggestionAfterError(true)
    .exitOverride();
  registerRun(program);
  registerGenerate(program);
  registerList(program);
  registerShow(program);
  registerGate(program);
  registerReport(program);
  registerLeaderboard(program);
  registerDoctor(program);
  registerScore(program);
  registerRescore(program);
  registerServe(program);
  registerMerge(program);
  registerNew(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

// `bench … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2;
    return reportError(err);
  }
}

main(process.argv).then((code) => {
  // For benchmarks: the process's own CPU time and peak memory, measured by the kernel.
  if (process.env.GENBENCH_RUSAGE_FILE) writeFileSync(process.env.GENBENCH_RUSAGE_FILE, JSON.stringify(process.resourceUsage()));
  // Let stdout drain, then exit even if a provider left a keep-alive socket open.
  process.exitCode = code;
  setImmediate(() => process.exit(code));
});
