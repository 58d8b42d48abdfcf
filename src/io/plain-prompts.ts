import { createInterface, type Interface } from 'node:readline';
import { fitQuestion } from '../domain/columns.js';
import { hoursOf } from '../domain/commitments.js';
import { GO_BACK, type Asker } from '../domain/questions.js';
import { ttyWidth } from './output.js';

// Questions asked one line at a time, for a terminal that cannot move its cursor (TERM=dumb:
// Emacs' shell, some IDE consoles), where inquirer's redrawing would print its escape codes as
// text. The terminal echoes what is typed; a choice is answered by its number.

/** Typed as the whole answer to a text or number question, goes back to the question before. */
export const BACK_KEY = '<';
export const BACK_HINT = ` (${BACK_KEY} to go back)`;

/** The columns a question on one line leaves for the answer typed after it (a week, a number of hours, a few words). */
const ANSWER_ROOM = 12;

/** A question fitted to the terminal's width (fitQuestion); `after`: the columns written after it. */
export function fittedQuestion(message: string, after: number): string {
  return fitQuestion(message, ttyWidth(), after);
}

/** `check` turns a typed line into the answer, or says what is wrong with it. */
type Checked = { answer: string | number | boolean } | { wrong: string };

/** Why a typed number of hours is not one (the hours prompt here and in prompts.ts), or true. */
export function checkNumber(value: string, min = -Infinity, max = Infinity): true | string {
  const number = hoursOf(value);
  if (!Number.isFinite(number)) return 'Write a number, e.g. 1.5.';
  if (number < min || number > max) return `Write a number from ${min} to ${max}.`;
  return true;
}

export function plainAsker(): Asker {
  return {
    async ask(question) {
      const out = process.stdout;
      if (question.note !== undefined) out.write(`${question.note}\n`);
      const back = question.back === true ? BACK_HINT : '';
      if (question.kind === 'select') {
        const choices = question.back === true ? [...question.choices, { name: 'Back to the question before', value: GO_BACK }] : question.choices;
        out.write(`? ${fittedQuestion(question.message, 0)}\n${choices.map((choice, index) => `  ${String(index + 1).padStart(String(choices.length).length)}) ${choice.name}`).join('\n')}\n`);
        const first = Math.max(0, choices.findIndex((choice) => choice.value === question.default)) + 1;
        return askUntil(`Number (1-${choices.length}) [${first}]: `, (line) => {
          const index = line === '' ? first : Number(line);
          return Number.isInteger(index) && index >= 1 && index <= choices.length ? { answer: choices[index - 1]!.value } : { wrong: `Type a number from 1 to ${choices.length}, then Enter.` };
        });
      }
      const shown = question.default === undefined || question.default === '' ? '' : ` [${question.kind === 'confirm' ? (question.default ? 'Y/n' : 'y/N') : question.default}]`;
      // Room after it for what is typed: the terminal echoes it, and breaks it at the edge.
      const prompt = `? ${fittedQuestion(`${question.message}${question.kind === 'confirm' && shown === '' ? ' [y/n]' : ''}${back}${shown}:`, ANSWER_ROOM)} `;
      return askUntil(prompt, (line): Checked => {
        if (question.back === true && line === BACK_KEY) return { answer: GO_BACK };
        switch (question.kind) {
          case 'confirm': {
            const yes = line === '' ? question.default : /^y(es)?$/i.test(line) ? true : /^no?$/i.test(line) ? false : undefined;
            return yes === undefined ? { wrong: 'Type y or n, then Enter.' } : { answer: yes };
          }
          case 'number': {
            const value = line === '' && question.default !== undefined ? String(question.default) : line;
            const ok = checkNumber(value, question.min, question.max);
            return ok === true ? { answer: hoursOf(value) } : { wrong: ok };
          }
          case 'input': {
            const value = line === '' ? (question.default ?? '') : line;
            const ok = question.validate ? question.validate(value) : true;
            return ok === true ? { answer: value } : { wrong: ok };
          }
        }
      });
    },
  };
}

/** Asks until a line passes `check`. Ctrl-C and a closed input end as inquirer's do (main.ts says them). */
async function askUntil(prompt: string, check: (line: string) => Checked): Promise<string | number | boolean> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for (;;) {
      process.stdout.write(prompt);
      const checked = check((await nextLine(lines)).trim());
      if ('answer' in checked) return checked.answer;
      process.stdout.write(`> ${checked.wrong}\n`);
    }
  } finally {
    lines.close();
  }
}

function nextLine(lines: Interface): Promise<string> {
  return new Promise((resolve, reject) => {
    const stop = (error: Error) => {
      lines.off('line', answered);
      lines.off('close', closed);
      process.off('SIGINT', interrupted);
      reject(error);
    };
    const answered = (line: string) => {
      lines.off('close', closed);
      process.off('SIGINT', interrupted);
      resolve(line);
    };
    const closed = () => {
      process.stdout.write('\n');
      stop(promptEnded('User force closed the prompt with 0 null'));
    };
    const interrupted = () => {
      process.stdout.write('\n');
      stop(promptEnded('User force closed the prompt with SIGINT'));
    };
    lines.once('line', answered);
    lines.once('close', closed);
    process.once('SIGINT', interrupted);
  });
}

/** The error inquirer throws when a prompt ends without an answer: main.ts tells Ctrl-C from a closed input by its message. */
function promptEnded(message: string): Error {
  const error = new Error(message);
  error.name = 'ExitPromptError';
  return error;
}
