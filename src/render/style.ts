/** Colours a renderer may use; passed in so renderers stay pure and colour is never global. */
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  accent(text: string): string;
}
