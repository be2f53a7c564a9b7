#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli to dist/cli.
import { readFileSync, writeSync } from 'node:fs';

// `thick --version` alone is answered here, from package.json, before anything loads (commander and the option
// tables took ~40 ms of a ~170 ms start): scripts check it often, and it is the one answer that needs nothing else.
// A reader that has gone is no failure, as below; any other failed write is left to the CLI, which says what failed.
const args = process.argv.slice(2);
if (!(args.length === 1 && (args[0] === '--version' || args[0] === '-V') && versionWritten())) await run();

function versionWritten() {
  try {
    writeSync(1, `${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
    return true;
  } catch (error) {
    return error.code === 'EPIPE';
  }
}

async function run() {
  const { main } = await import('../dist/cli/main.js');
  const { endQuietlyOnClosedPipe, outputFailure } = await import('../dist/cli/stdio.js');
  // Here, at the edge, once: a reader that closes the pipe early (`| head`) ends the output, not the run, quietly.
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  // An output lost otherwise (`> file` on a full disk) fails the run, with one line and no stack trace. Checked once
  // nothing is left to run: the stream reports a failed write a tick after it.
  // The terminal (chalk, ora) is loaded only then, so that `thick --version` does not wait for it.
  process.once('beforeExit', async () => {
    const lost = outputFailure('standard output', process.stdout) ?? outputFailure('standard error', process.stderr);
    if (!lost) return;
    const { terminal } = await import('../dist/cli/terminal.js');
    terminal().error(lost);
    process.exitCode = 1;
  });
  process.exitCode = await main(process.argv);
}
