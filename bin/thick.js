#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli to dist/cli.
import { main } from '../dist/cli/main.js';
import { endQuietlyOnClosedPipe, outputFailure } from '../dist/cli/stdio.js';

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
