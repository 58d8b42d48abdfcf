// Questions a command asks, as plain data: core builds them (and is tested with scripted answers),
// io/prompts.ts asks them on a terminal.

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
