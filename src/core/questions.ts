// Questions a command asks, as plain data: core builds them (and is tested with scripted answers),
// io/prompts.ts asks them on a terminal.

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

/**
 * Asks a form in turn, and lets the user go back: every question after the first may be answered
 * GO_BACK, which returns to the previous question asked (values known without asking are stepped
 * over). Answers given before are offered again as defaults, so going forward again is a row of
 * Enters. `plan` lists the form's items for the answers so far; it may end early where the next
 * item needs an answer not given yet. Returns the answers of the form as finally planned.
 */
export async function askForm(asker: Asker, plan: (answers: Readonly<Answers>) => FormItem[]): Promise<Answers> {
  const answers: Answers = {};
  const remembered: Answers = {};
  const asked: number[] = [];
  for (let position = 0; ; ) {
    const items = plan(answers);
    const item = items[position];
    if (item === undefined) return answers;
    if (!('kind' in item)) {
      answers[item.name] = item.value;
      position += 1;
      continue;
    }
    // A name is always asked with the same kind of question, so a remembered answer fits as its default.
    const answer = await asker.ask({ ...item, back: asked.length > 0, default: remembered[item.name] ?? item.default } as Question);
    if (answer === GO_BACK) {
      if (asked.length === 0) continue;
      position = asked.pop()!;
      for (const later of items.slice(position)) delete answers[later.name];
      continue;
    }
    answers[item.name] = remembered[item.name] = answer;
    asked.push(position);
    position += 1;
  }
}
