import { suggestId } from '../domain/layout.js';
import type { Problem } from './problem.js';

export function badFileName(file: string, what: 'person' | 'cohort' | 'member'): Problem {
  const isFolder = what === 'cohort';
  return {
    file,
    line: 1,
    column: 1,
    rule: 'invalid-file-name',
    severity: 'error',
    message: `A ${what}'s ${isFolder ? 'folder' : 'file'} name is ${what === 'cohort' ? 'its id' : 'the person id'}: lower-case letters, digits and dashes (at most 63), starting with a letter or digit.`,
    fix: `Rename it, e.g. to ${suggestId(file.split('/').pop()!.replace(/\.yaml$/, ''), what === 'cohort' ? 'cohort' : 'person')}${isFolder ? '' : '.yaml'}, and set the same id inside.`,
  };
}
