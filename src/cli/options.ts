import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';
import { AUTHOR_ASSOCIATIONS } from '../domain/github.js';

// What every group of command definitions shares: commander, the common options, and how an
// action hands its exit code back. Commander is required as the CommonJS module it is, which
// starts measurably faster than going through its ESM wrapper.

const require = createRequire(import.meta.url);
export const { Command, CommanderError, Option, Help } = require('commander') as typeof CommanderModule;
export type Command = CommanderModule.Command;

/** The room a description needs beside its option; with less (a narrow terminal) it goes below. */
const DESCRIPTION_ROOM = 32;

/**
 * Help that reads at any width. Commander puts each description beside its option and stops
 * wrapping below 40 columns, so a narrow terminal cut words in half; there each description
 * goes on the lines below its option, wrapped to the width.
 */
export const helpLayout: Partial<CommanderModule.Help> = {
  sortSubcommands: false,
  minWidthToWrap: 20,
  formatItem(term, termWidth, description, helper) {
    const width = helper.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= DESCRIPTION_ROOM) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    return `  ${term}\n${helper.boxWrap(description, width - 6).replace(/^/gm, '      ')}`;
  },
};

/** Runs a lazily imported command and keeps its exit code. */
export type Run = (load: () => Promise<number>) => Promise<void>;

/** Adds one command to the program. */
export type Define = (program: Command, run: Run) => void;

export const repoOption = () => new Option('--repo <dir>', 'the program repo (default: this folder or the nearest parent with mentor.config.yaml)');
export const associationOption = () =>
  new Option('--author-association <value>', `GitHub's author_association of the author (the gate passes it): ${AUTHOR_ASSOCIATIONS.join(', ')}; a listed maintainer counts only as OWNER, MEMBER or COLLABORATOR, and a value GitHub has added since counts as NONE`);
export const formatOption = (formats: string[]) => new Option('--format <format>', 'output format').choices(formats).default('text');

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * An option the command cannot run without. Commander's own mandatory options are checked before
 * anything else, so a missing one would hide an unknown option or a missing argument; these are
 * checked after both (cli.ts), and --help still says "(required)".
 */
export const requiredOption = (flags: string, description: string) => {
  const option = new Option(flags, `${description} (required)`);
  REQUIRED.add(option);
  return option;
};
export const REQUIRED = new WeakSet<CommanderModule.Option>();
