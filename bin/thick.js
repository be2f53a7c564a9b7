#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled from src/cli to dist/cli.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
