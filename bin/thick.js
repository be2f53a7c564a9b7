#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli to dist/cli.
import { main } from '../dist/cli/main.js';
import { endQuietlyOnClosedPipe } from '../dist/cli/stdio.js';

// Here, at the edge, once: a reader that closes the pipe early (`| head`) ends the output, not the run, quietly.
endQuietlyOnClosedPipe(process.stdout);
endQuietlyOnClosedPipe(process.stderr);
process.exitCode = await main(process.argv);
