#!/usr/bin/env node
/** The tactful command line: the same engine as the extension, over files and pipes. */
import { PackLoadError } from './pack-files';
import { UsageError } from './args';

const HELP = `tactful <command>

  analyze [FILE|-] [--format text|json|jsonl] [--pack DIR] [--tone warm|formal|concise] [--channel email|chat]
      Analyse a customer message (text) or many (JSONL: {"id","text","thread"?} per line),
      with the playbook to answer it.
  coach [FILE|-] [--customer FILE] [--format text|json|jsonl] [--pack DIR]
      Check an agent's draft (JSONL: {"id","customer","draft"} per line).
  rules lint [DIR]              Validate a rule pack (default rules/en-default).
  rules test [DIR] [--rule ID]  Run every rule's examples as tests.
  rules pack DIR [-o FILE]      Write a pack as one file to import or push by policy (.yaml, or .zip).
  eval [--data DIR] [--only NAME,...] [--json] [--check] [--errors N] [--pack DIR]
      Measure detection against VADER, AFINN and obscenity on ../shared/eval/public-dev.
  bench [--json] [--quick] [--check] [--no-browser] [--pack DIR]
      Speed and memory, with ratios against VADER and AFINN; in the built extension, ticket open
      -> suggestions visible, and the QA review log at 100,000 events (import; rows, total and
      statistics per filter). Chromium and dist/ needed; skipped otherwise or with --no-browser.
  logs report FILE... [--format text|json]
      Statistics over suggestion-log exports (NDJSON or CSV) from several agents, merged.
  start [--headless] [--screenshot FILE] [--ticket ID] [--no-build]
      Build the extension and open Chromium with it on the bundled demo helpdesk.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze':
      return (await import('./analyze')).runAnalyze(rest);
    case 'coach':
      return (await import('./coach')).runCoach(rest);
    case 'rules':
      return (await import('./rules')).runRules(rest);
    case 'eval':
      return (await import('./eval/index')).runEval(rest);
    case 'bench':
      return (await import('./bench/index')).runBench(rest);
    case 'logs':
      return (await import('./logs')).runLogs(rest);
    case 'start':
      return (await import('./start/index')).runStart(rest);
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`tactful: ${error.message}\n\n${HELP}`);
    else if (error instanceof PackLoadError) process.stderr.write(`tactful: the rule pack has errors:\n${error.message}\n`);
    else if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') return;
    else process.stderr.write(`tactful: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
