/**
 * The `gankit` command: `list`, `train`, `sample`, `eval`. Every argument is
 * checked before any work; errors name the flag and what is allowed, and exit
 * non-zero.
 */
import { evalCommand, EVAL_HELP } from './commands/evalCommand.js';
import { sampleCommand, SAMPLE_HELP } from './commands/sampleCommand.js';
import { train, TRAIN_HELP } from './commands/train.js';
import { translateCommand, TRANSLATE_HELP } from './commands/translateCommand.js';
import { UsageError } from './internal/args.js';
import { RECIPES } from './recipes/index.js';

const HELP = `gankit <command> [flags]   — train, sample and evaluate generative models on TensorFlow.js

Commands:
  list                 the recipes, one line each
  train <recipe>       train a recipe (progress, sample pictures, checkpoints, log, metrics)
  sample               draw samples from a trained run (PNG or JSON)
  eval                 the recipe's metrics on a trained run
  translate            translate images with a trained translation recipe (JSON in, JSON out)

Run 'gankit <command> --help' for a command's flags.`;

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  train: { run: train, help: TRAIN_HELP },
  sample: { run: sampleCommand, help: SAMPLE_HELP },
  eval: { run: evalCommand, help: EVAL_HELP },
  translate: { run: translateCommand, help: TRANSLATE_HELP },
};

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'list') {
    if (rest.includes('--help')) {
      console.log('gankit list\n\nPrints every recipe with a one-line summary.');
      return 0;
    }
    if (rest.length > 0) {
      console.error(`gankit list: unexpected argument '${rest[0]}'`);
      return 2;
    }
    const width = Math.max(...RECIPES.map((r) => r.name.length));
    for (const r of RECIPES) console.log(`${r.name.padEnd(width)}  ${r.summary}`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) {
    console.error(`gankit: unknown command '${command}'; expected one of list, ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  try {
    return await entry.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`gankit ${command}: ${err.message}\nRun 'gankit ${command} --help' for usage.`);
      return 2;
    }
    console.error(`gankit ${command}: ${(err as Error).message}`);
    return 1;
  }
}

// Run when executed directly (tsx src/main.ts, or bin/gankit.js importing dist/main.js).
const invokedDirectly = process.argv[1] !== undefined && /(main\.(ts|js)|gankit(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
