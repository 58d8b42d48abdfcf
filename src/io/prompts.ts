// The only module that imports inquirer. Questions are plain data (see Question), built and
// tested elsewhere; this turns them into prompts on the terminal.

import { styleText } from 'node:util';
import { visibleWidth, wrapWords } from '../domain/columns.js';
import { hoursOf } from '../domain/commitments.js';
import { GO_BACK, type Asker } from '../domain/questions.js';
import { ttyWidth, wantsColor } from './output.js';
import { BACK_HINT, BACK_KEY, checkNumber, fittedQuestion, plainAsker } from './plain-prompts.js';

export type { Asker, Choice, Question } from '../domain/questions.js';


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
      const message = back && question.kind !== 'select' ? question.message + BACK_HINT : question.message;
      switch (question.kind) {
        case 'select': {
          const choices = back ? [...question.choices, new prompts.Separator(), { name: '← Back to the question before', value: GO_BACK }] : question.choices;
          return prompts.select({ message, choices, default: question.default, pageSize: 12, theme: fittedTheme(message, 0) });
        }
        case 'input': {
          const validate = question.validate;
          const answer = await prompts.input({ message, default: question.default, validate: (value) => isBack(value) || (validate ? validate(value) : true), theme: fittedTheme(message, shownAfter(question.default)) });
          return isBack(answer) ? GO_BACK : answer;
        }
        case 'number': {
          // An input, not inquirer's number prompt, so that `<` can be typed.
          const shown = question.default === undefined ? undefined : String(question.default);
          const answer = await prompts.input({ message, default: shown, validate: (value) => isBack(value) || checkNumber(value, question.min, question.max), theme: fittedTheme(message, shownAfter(shown)) });
          return isBack(answer) ? GO_BACK : hoursOf(answer);
        }
        case 'confirm':
          return prompts.confirm({ message, default: question.default, theme: fittedTheme(message, shownAfter('Y/n')) });
      }
    },
  };
}

/** The columns inquirer writes after a question on its line: ` (default)` when one is shown, and the cursor. */
const shownAfter = (shown: string | undefined) => (shown ? visibleWidth(shown) + 3 : 0) + 1;

/**
 * inquirer breaks whatever is wider than the terminal at its last column, mid-word ("lo / gged").
 * Its theme is ours to style, so the question, the answer after it and an error under it are
 * broken between words here, at the width of each render (a resized terminal gets the next one
 * fitted). `after`: the columns inquirer writes after the question (shownAfter).
 */
function fittedTheme(message: string, after: number) {
  const fitted = () => fittedQuestion(message, after);
  return {
    style: {
      message: () => styleText('bold', fitted()),
      // The answer goes on the question's last line when it fits there, else on a line of its own.
      answer: (text: string) => {
        const width = ttyWidth();
        const last = visibleWidth(fitted().split('\n').at(-1)!) + 2;
        if (width === undefined || text === '' || last + 1 + visibleWidth(text) < width) return styleText('cyan', text);
        return styleText('cyan', `\n  ${wrapWords(text, Math.max(20, width - 3)).join('\n  ')}`);
      },
      error: (text: string) => styleText('red', `> ${wrapWords(text, Math.max(20, (ttyWidth() ?? Infinity) - 3)).join('\n  ')}`),
    },
  };
}
