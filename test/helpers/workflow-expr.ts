// GitHub Actions expressions (`${{ ... }}` and `if:`), as much of the language as a workflow
// simulator needs: contexts with property access, literals, ==, !=, <, >, &&, ||, !, parentheses,
// and the functions success(), failure(), always(), cancelled(), contains(), startsWith(),
// endsWith(), format(). Anything else throws, so a workflow that needs more fails its test
// instead of being simulated wrongly.

export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

export interface ExpressionContext {
  contexts: Record<string, Value>;
  /** Whether every earlier step of the job succeeded (for success()/failure()). */
  jobSucceeded: boolean;
  /** Whether the run was cancelled (for cancelled(); success() is then false). */
  jobCancelled?: boolean;
}

type Token = { kind: 'op' | 'name' | 'string' | 'number'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(==|!=|<=|>=|&&|\|\||[!<>()[\].,])|('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_-]*|\*))/y;
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) throw new Error(`workflow-sim: cannot read expression at "${source.slice(index)}"`);
    index = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'op', text: match[1] });
    else if (match[2]) tokens.push({ kind: 'string', text: match[2].slice(1, -1).replace(/''/g, "'") });
    else if (match[3]) tokens.push({ kind: 'number', text: match[3] });
    else tokens.push({ kind: 'name', text: match[4]! });
  }
  return tokens;
}

const loose = (value: Value): string | number | boolean | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
};
const truthy = (value: Value) => !(value === undefined || value === null || value === false || value === 0 || value === '');
const asString = (value: Value): string => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function equal(a: Value, b: Value): boolean {
  const x = loose(a);
  const y = loose(b);
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase() === y.toLowerCase();
  if (x === null || y === null) return x === y || (x === null && y === '') || (y === null && x === '');
  return Number(x) === Number(y);
}

export function evaluate(source: string, context: ExpressionContext): Value {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = (text?: string) => {
    const token = tokens[position++];
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`workflow-sim: expected ${text ?? 'more'} in ${source}`);
    return token;
  };

  const functions: Record<string, (args: Value[]) => Value> = {
    success: () => context.jobSucceeded && !context.jobCancelled,
    failure: () => !context.jobSucceeded,
    always: () => true,
    cancelled: () => context.jobCancelled === true,
    contains: ([haystack, needle]) => (Array.isArray(haystack) ? haystack.some((item) => equal(item, needle!)) : asString(haystack).toLowerCase().includes(asString(needle).toLowerCase())),
    startswith: ([text, prefix]) => asString(text).toLowerCase().startsWith(asString(prefix).toLowerCase()),
    endswith: ([text, suffix]) => asString(text).toLowerCase().endsWith(asString(suffix).toLowerCase()),
    format: ([template, ...args]) => asString(template).replace(/\{(\d+)\}/g, (_, n: string) => asString(args[Number(n)])),
  };

  function primary(): Value {
    const token = take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.text === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.text === '!') return !truthy(primary());
    if (token.kind !== 'name') throw new Error(`workflow-sim: unexpected ${token.text} in ${source}`);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (peek()?.text === '(') {
      take('(');
      const args: Value[] = [];
      while (peek()?.text !== ')') {
        args.push(or());
        if (peek()?.text === ',') take(',');
      }
      take(')');
      const fn = functions[token.text.toLowerCase()];
      if (!fn) throw new Error(`workflow-sim: unknown function ${token.text}()`);
      return fn(args);
    }
    if (!(token.text in context.contexts)) throw new Error(`workflow-sim: unknown context ${token.text} in ${source}`);
    let value: Value = context.contexts[token.text];
    // After an object filter (`labels.*`), each further property is taken of every element.
    let filtered = false;
    for (;;) {
      if (peek()?.text === '.') {
        take('.');
        const key = take().text;
        if (key === '*') {
          value = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [];
          filtered = true;
        } else value = filtered ? (value as Value[]).map((item) => member(item, key)).filter((item) => item !== undefined) : member(value, key);
      } else if (peek()?.text === '[') {
        take('[');
        const key = or();
        take(']');
        value = member(value, asString(key));
      } else return value;
    }
  }

  function member(value: Value, key: string): Value {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return Array.isArray(value) && /^\d+$/.test(key) ? value[Number(key)] : undefined;
    const found = Object.keys(value).find((name) => name.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : value[found];
  }

  function comparison(): Value {
    let left = primary();
    while (['==', '!=', '<', '>', '<=', '>='].includes(peek()?.text ?? '')) {
      const op = take().text;
      const right = primary();
      if (op === '==') left = equal(left, right);
      else if (op === '!=') left = !equal(left, right);
      else {
        const [x, y] = [Number(loose(left)), Number(loose(right))];
        left = op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
      }
    }
    return left;
  }
  function and(): Value {
    let left = comparison();
    while (peek()?.text === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  function or(): Value {
    let left = and();
    while (peek()?.text === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  const value = or();
  if (position !== tokens.length) throw new Error(`workflow-sim: unexpected ${tokens[position]!.text} in ${source}`);
  return value;
}

/** Replaces each `${{ ... }}` in a string with its value as text. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, source: string) => asString(evaluate(source, context)));
}

/** An `if:` condition: with or without `${{ }}`; a condition that names no status function implies success(). */
export function condition(source: string | boolean | undefined, context: ExpressionContext): boolean {
  if (source === undefined) return context.jobSucceeded && !context.jobCancelled;
  if (typeof source === 'boolean') return source && context.jobSucceeded && !context.jobCancelled;
  const inner = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const statusAware = /\b(success|failure|always|cancelled)\s*\(/.test(inner);
  return truthy(evaluate(statusAware ? inner : `success() && (${inner})`, context));
}
