// The only module that imports inquirer. Questions are plain data (see Question), built and
// tested elsewhere; this turns them into prompts on the terminal.

import { hoursOf } from '../domain/commitments.js';
import { GO_BACK, type Asker } from '../domain/questions.js';
import { wantsColor } from './output.js';
import { checkNumber, plainAsker } from './plain-prompts.js';

export type { Asker, Choice, Question } from '../domain/questions.js';

/** Typed as the whole answer to a text or number question, goes back to the question before. */
const BACK_KEY = '<';
const BACK_HINT = ` (${BACK_KEY} to go back)`;

/** Prompts need a terminal on both ends: keys in, screen out. */
export function isInteractive(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

export function terminalAsker(): Asker {
  // A terminal that cannot move its cursor gets one line per question (plain-prompts.ts).
  if (process.env.TERM === 'dumb') return plainAsker();
  return {
    async ask(question) {
      // The prompts colour as mentor's own output does (output.ts): node, which colours them,
      // would let FORCE_COLOR win over NO_COLOR, with a warning above the first question.
      if (!wantsColor(process.stdout)) {
        delete process.env.FORCE_COLOR;
        process.env.NO_COLOR = '1';
      }
      const prompts = await import('@inquirer/prompts');
      if (question.note !== undefined) process.stdout.write(`${question.note}\n`);
      const back = question.back === true;
      const isBack = (value: string) => back && value.trim() === BACK_KEY;
      switch (question.kind) {
        case 'select': {
          const choices = back ? [...question.choices, new prompts.Separator(), { name: '← Back to the question before', value: GO_BACK }] : question.choices;
          return prompts.select({ message: question.message, choices, default: question.default, pageSize: 12 });
        }
        case 'input': {
          const validate = question.validate;
          const answer = await prompts.input({ message: back ? question.message + BACK_HINT : question.message, default: question.default, validate: (value) => isBack(value) || (validate ? validate(value) : true) });
          return isBack(answer) ? GO_BACK : answer;
        }
        case 'number': {
          // An input, not inquirer's number prompt, so that `<` can be typed.
          const answer = await prompts.input({
            message: back ? question.message + BACK_HINT : question.message,
            default: question.default === undefined ? undefined : String(question.default),
            validate: (value) => isBack(value) || checkNumber(value, question.min, question.max),
          });
          return isBack(answer) ? GO_BACK : hoursOf(answer);
        }
        case 'confirm':
          return prompts.confirm({ message: question.message, default: question.default });
      }
    },
  };
}
