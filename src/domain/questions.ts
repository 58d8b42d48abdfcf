// Questions a command asks, as plain data: core builds them (and is tested with scripted answers),
// io/prompts.ts asks them on a terminal. The shapes sit at the bottom so that both name them and
// neither imports the other.

export interface Choice {
  name: string;
  value: string;
  description?: string;
}

/** `back`: the user may go back to the previous question. `note`: shown above the question. */
interface Asked {
  name: string;
  message: string;
  back?: boolean;
  note?: string;
}

export type Question = Asked &
  (
    | { kind: 'select'; choices: Choice[]; default?: string }
    | { kind: 'input'; default?: string; validate?: (value: string) => true | string }
    | { kind: 'number'; default?: number; min?: number; max?: number }
    | { kind: 'confirm'; default?: boolean }
  );

export type Answer = string | number | boolean;
export type Answers = Record<string, Answer>;

/** What an asker answers to a question asked with `back: true` when the user goes back. */
export const GO_BACK = '\u0000mentor:go-back';

export interface Asker {
  ask(question: Question): Promise<Answer>;
}

/** A step of a form: a question, or a value known without asking (from a flag, or inferred). */
export type FormItem = Question | { name: string; value: Answer };
