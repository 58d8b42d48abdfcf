// A shape every layer may name, so it sits at the bottom: io makes a Style (chalk, on a TTY), render
// uses one, and neither imports the other.

/** Colours a renderer may use; passed in so renderers stay pure and colour is never global. */
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
}
