// The only module that imports inquirer. Questions are plain data (see Question), built and
// tested elsewhere; this turns them into prompts on the terminal.

export interface Choice {
  name: string;
  value: string;
  description?: string;
}

export type Question =
  | { kind: 'select'; name: string; message: string; choices: Choice[]; default?: string }
  | { kind: 'input'; name: string; message: string; default?: string; validate?: (value: string) => true | string }
  | { kind: 'number'; name: string; message: string; default?: number; min?: number; max?: number }
  | { kind: 'confirm'; name: string; message: string; default?: boolean };

export interface Asker {
  ask(question: Question): Promise<string | number | boolean>;
}

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
