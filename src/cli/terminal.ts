import { Chalk, type ChalkInstance } from 'chalk';
import ora, { type Ora } from 'ora';
import { visible } from '../report/format.js';

/** Colour and progress only for a person at a terminal: stderr must be a TTY, and NO_COLOR turns colour off. */
export interface Terminal {
  colour: ChalkInstance;
  spinner: Ora | null;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  step(message: string): void;
  done(message: string): void;
}

export function terminal(quiet = false): Terminal {
  const tty = Boolean(process.stderr.isTTY);
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const colour = new Chalk({ level: tty && !noColor ? 1 : 0 });
  // A terminal that reports no width (some CI shells, `script`) makes a spinner redraw forever: no spinner there.
  const wide = (process.stderr.columns ?? 0) > 0;
  const spinner = tty && wide && !quiet ? ora({ stream: process.stderr, color: noColor ? false : 'cyan', isEnabled: true }) : null;
  // Messages quote data (file names, codes, cells): an ESC in them must not drive the terminal.
  const write = (line: string) => {
    if (spinner?.isSpinning) spinner.clear();
    process.stderr.write(`${line}\n`);
    if (spinner?.isSpinning) spinner.render();
  };
  return {
    colour,
    spinner,
    info: (message) => !quiet && write(visible(message)),
    warn: (message) => write(colour.yellow(`warning: ${visible(message)}`)),
    error: (message) => {
      spinner?.stop();
      write(colour.red(`error: ${visible(message)}`));
    },
    step: (message) => {
      if (spinner) {
        if (spinner.isSpinning) spinner.text = visible(message);
        else spinner.start(visible(message));
        // The pipeline is synchronous, so the spinner's timer rarely fires: draw each step now.
        spinner.render();
      }
    },
    done: (message) => {
      if (spinner?.isSpinning) spinner.stop();
      if (!quiet) process.stderr.write(`${colour.green('✔')} ${visible(message)}\n`);
    },
  };
}
