import { GO_BACK, type Answers, type Asker, type FormItem, type Question } from '../domain/questions.js';

// Asking a form of questions (domain/questions.ts) in turn, with a way back.

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
