import { Chalk, type ChalkInstance } from 'chalk';
import ora, { type Ora } from 'ora';
import { visible } from '../report/format.js';
import type { OnProgress } from '../progress.js';
import { progressRenderer, type ProgressRenderer } from './progress.js';

/** What decides how thick talks to a stream: whether a person is at it, and what they asked for in the environment. */
export interface TerminalContext {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The terminal's width; 0 or undefined where it reports none. */
  columns: number | undefined;
  /** -q or --json: nothing but warnings and errors on stderr. */
  quiet: boolean;
}

/** Colour depth (0 none, 1 basic, 2 256 colours, 3 truecolor, as chalk counts) and whether a spinner runs. */
export interface TerminalMode {
  colour: 0 | 1 | 2 | 3;
  spinner: boolean;
}

/** FORCE_COLOR as chalk reads it: '' or 'true' is 1, '0' or 'false' is off, '1'..'3' a depth; anything else: unset. */
function forcedColour(value: string | undefined): TerminalMode['colour'] | 'off' | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 'off';
  if (!/^\d+$/.test(value)) return undefined;
  const depth = Number(value);
  return depth === 0 ? 'off' : (Math.min(depth, 3) as 1 | 2 | 3);
}

/** A CI runner: logs are read later, so a spinner's redraws only fill them. CI=false and CI=0 say "not CI". */
const inCI = (env: TerminalContext['env']): boolean => env.CI !== undefined && !['', 'false', '0'].includes(env.CI);

/**
 * Colour and spinner for one stream, by clig.dev's rules. Every off-switch wins over everything: NO_COLOR (non-empty,
 * no-color.org), FORCE_COLOR=0 or false, TERM=dumb. Otherwise FORCE_COLOR=1/2/3 forces that depth even where no
 * person is (a CI log viewer that renders colour), and a TTY gets basic colour. The spinner needs a person: a TTY that
 * reports its width (without one, `script` and some CI shells, it would redraw forever), none of the colour
 * off-switches (TERM=dumb above all: it hides the cursor with escape codes), no CI, not -q or --json. FORCE_COLOR
 * never forces a spinner.
 */
export function terminalMode({ isTTY, env, columns, quiet }: TerminalContext): TerminalMode {
  const dumb = env.TERM === 'dumb';
  const forced = forcedColour(env.FORCE_COLOR);
  const colourOff = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || forced === 'off' || dumb;
  const colour = colourOff ? 0 : typeof forced === 'number' ? forced : isTTY ? 1 : 0;
  // The issue asks colour and spinners off alike with NO_COLOR and FORCE_COLOR=0: who turns off styling does not want
  // a redrawn line and a hidden cursor either.
  const spinner = isTTY && !colourOff && (columns ?? 0) > 0 && !quiet && !inCI(env);
  return { colour, spinner };
}

/** The context of a real stream (stderr for messages, stdout for a command's own coloured text). */
export function contextOf(stream: NodeJS.WriteStream, quiet = false): TerminalContext {
  return { isTTY: Boolean(stream.isTTY), env: process.env, columns: stream.columns, quiet };
}

/** Colours for text written to `stream` (inspect colours its stdout only when stdout is a person's terminal). */
export function colourFor(stream: NodeJS.WriteStream): ChalkInstance {
  return new Chalk({ level: terminalMode(contextOf(stream)).colour });
}

/** Colour and progress only for a person at a terminal (see terminalMode). */
export interface Terminal {
  colour: ChalkInstance;
  spinner: Ora | null;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  step(message: string): void;
  done(message: string): void;
  /**
   * Hand to the pipeline (AnalyseOptions and the like) to show each stage's counts, rate and time left; undefined
   * where no spinner runs (a pipe, CI, -q, --json), so nobody pays for progress no one sees.
   */
  progress?: OnProgress;
}

/** Where a terminal writes (stderr) and what times its progress lines (ms); tests give their own of each. */
export interface TerminalIo {
  stream?: NodeJS.WriteStream;
  now?: () => number;
}

export function terminal(quiet = false, context: TerminalContext = contextOf(process.stderr, quiet), io: TerminalIo = {}): Terminal {
  const { stream = process.stderr, now = () => performance.now() } = io;
  const mode = terminalMode({ ...context, quiet });
  const colour = new Chalk({ level: mode.colour });
  // discardStdin off: ora would put a terminal's stdin in raw mode, so Ctrl-C could not stop a synchronous run and
  // Ctrl-D could not end `-` (standard input) typed at the terminal.
  const spinner = mode.spinner ? ora({ stream, color: mode.colour ? 'cyan' : false, isEnabled: true, discardStdin: false }) : null;
  const live = new LiveLine(stream, context.columns);
  // Messages quote data (file names, codes, cells): an ESC in them must not drive the terminal.
  const write = (line: string) => {
    if (spinner?.isSpinning) spinner.clear();
    live.hide();
    stream.write(`${line}\n`);
    live.show();
    if (spinner?.isSpinning) spinner.render();
  };
  // THICK_TIMINGS=1 (for `npm run bench`): each stage's start, in seconds since the process began, on stderr only,
  // so the benchmark can split a run into stages while reports and the --json summary stay free of the clock.
  const timing = context.env.THICK_TIMINGS === '1'
    ? (message: string) => {
        live.hide();
        stream.write(`timing ${(performance.now() / 1000).toFixed(3)} ${visible(message)}\n`);
        live.show();
      }
    : () => {};
  const stages = spinner ? stageLines(spinner, live, write, colour, now) : null;
  return {
    colour,
    spinner,
    ...(stages ? { progress: stages.report } : {}),
    info: (message) => !quiet && write(visible(message)),
    warn: (message) => write(colour.yellow(`warning: ${visible(message)}`)),
    error: (message) => {
      stages?.drop();
      live.clear();
      spinner?.stop();
      write(colour.red(`error: ${visible(message)}`));
    },
    step: (message) => {
      timing(message);
      stages?.end();
      if (spinner) {
        if (spinner.isSpinning) spinner.text = visible(message);
        else spinner.start(visible(message));
        // The pipeline is synchronous, so the spinner's timer rarely fires: draw each step now.
        spinner.render();
      }
    },
    done: (message) => {
      timing('done');
      stages?.end();
      if (spinner?.isSpinning) spinner.stop();
      if (!quiet) stream.write(`${colour.green('✔')} ${visible(message)}\n`);
    },
  };
}

/**
 * The progress line, drawn in place with a carriage return and erase-to-end-of-line. Not through the spinner: ora
 * measures the display width of its whole line on every render (string-width), which made each redraw cost ~0.1 ms of
 * CPU; this costs a write. Clipped to the terminal's width, so it never wraps onto a line it cannot erase.
 */
class LiveLine {
  private line: string | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly columns: number | undefined,
  ) {}

  draw(line: string): void {
    const width = Math.max(1, (this.columns ?? 80) - 1);
    this.line = line.length > width ? `${line.slice(0, width - 1)}…` : line;
    this.show();
  }

  /** Off the screen for a moment (a message is written), or for good (the stage ended). */
  hide(): void {
    if (this.line !== null) this.stream.write('\r\x1b[K');
  }

  show(): void {
    if (this.line !== null) this.stream.write(`\r${this.line}\x1b[K`);
  }

  clear(): void {
    this.hide();
    this.line = null;
  }
}

/**
 * Progress lines: while a stage reports, its live line stands in for the spinner (stopped, so the two never draw
 * over each other); when the stage ends its final line is kept, and the next step starts the spinner again.
 */
function stageLines(spinner: Ora, live: LiveLine, write: (line: string) => void, colour: ChalkInstance, now: () => number): ProgressRenderer {
  return progressRenderer(
    {
      draw: (line) => {
        if (spinner.isSpinning) spinner.stop();
        live.draw(line);
      },
      persist: (line) => {
        live.clear();
        write(`${colour.green('✔')} ${line}`);
      },
    },
    now,
  );
}
