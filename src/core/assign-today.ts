import { awayUntil as awayOn } from '../domain/cohort-state.js';
import { localDate } from '../domain/time.js';
import type { AssignInput } from './assign-types.js';

// "Today" for an assignment, in the program's zone: whom a pause (pausedUntil) keeps away.

/** The program's date now, worked out once per input (the interactive review plans again and again). */
const todays = new WeakMap<AssignInput, string>();
export function todayOf(input: AssignInput): string {
  let today = todays.get(input);
  if (today === undefined) todays.set(input, (today = localDate(input.config.timezone, input.now)));
  return today;
}

/** The day a person away (`pausedUntil`, in the program's zone) is back, if they are away today. */
export const awayUntil = (input: AssignInput, person: string): string | undefined => awayOn(input.people.get(person), todayOf(input));
