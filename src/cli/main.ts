#!/usr/bin/env node
// The `bench` command line. Each command lives in its own file and calls library functions; this
// file only wires them up and turns errors into one line and an exit code.
import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { harnessVersion } from '../core/paths.js';
import { reportError } from './errors.js';
import { setWide } from '../report/terminal.js';
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
import { registerCompare } from './compare.js';
import { registerExport } from './export.js';
import { registerNew } from './new.js';
import { registerSuite } from './suite.js';

export function buildProgram(): Command {
  const program = new Command('bench')
    .description(
      'genbench: does the model still work out of distribution? Procedural ID/OOD suites, exact verifiers, SQLite results.',
    )
    .version(harnessVersion())
    .option('--wide', 'wide tables whatever the terminal width (default: fit the terminal, or $COLUMNS)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .hook('preAction', () => setWide(program.opts().wide === true));
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
  registerCompare(program);
  registerExport(program);
  registerNew(program);
  registerSuite(program);
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
    if (err instanceof CommanderError)
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2;
    return reportError(err);
  }
}

/**
 * Resolves once everything written so far to `stream` has been handed to the OS. A pipe's writes
 * are asynchronous in Node: exiting before this loses whatever is still queued (a truncated
 * `bench report --format json | jq`). A write callback fires after every earlier write.
 */
export function drained(stream: NodeJS.WriteStream, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    // A reader that never reads must not hang genbench: give up after a deadline.
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    stream.write('', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

main(process.argv).then(async (code) => {
  // For benchmarks: the process's own CPU time and peak memory, measured by the kernel.
  if (process.env.GENBENCH_RUSAGE_FILE)
    writeFileSync(process.env.GENBENCH_RUSAGE_FILE, JSON.stringify(process.resourceUsage()));
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Exit even if a provider left a keep-alive socket open.
  process.exit(code);
});
