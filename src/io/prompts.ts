// The only module that imports inquirer. Questions are plain data (see Question), built and
// tested elsewhere; this turns them into prompts on the terminal.

import type { Asker } from '../core/questions.js';

export type { Asker, Choice, Question } from '../core/questions.js';

/** Prompts need a terminal on both ends: keys in, screen out. */
export function isInteractive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

export function terminalAsker(): Asker {
  return {
    async ask(question) {
      const prompts = await import('@inquirer/prompts');
      switch (question.kind) {
        case 'select':
          return prompts.select({ message: question.message, choices: question.choices, default: question.default, pageSize: 12 });
        case 'input':
          return prompts.input({ message: question.message, default: question.default, validate: question.validate });
        case 'number':
          return (await prompts.number({ message: question.message, default: question.default, min: question.min, max: question.max, step: 'any', required: true })) as number;
        case 'confirm':
          return prompts.confirm({ message: question.message, default: question.default });
      }
    },
  };
}
