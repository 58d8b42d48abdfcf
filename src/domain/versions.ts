// The order of mentor's versions (semver: major.minor.patch, a pre-release before its release),
// so that `mentor upgrade` never puts an older runner in place of a newer one.

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Whether `version` is a later release than `than`; false when either is not a version. */
export function isNewerVersion(version: string, than: string): boolean {
  const a = SEMVER.exec(version);
  const b = SEMVER.exec(than);
  if (!a || !b) return false;
  for (let part = 1; part <= 3; part++) {
    const diff = Number(a[part]) - Number(b[part]);
    if (diff !== 0) return diff > 0;
  }
  return comparePreRelease(a[4], b[4]) > 0;
}

/** Semver's order of pre-releases: none is highest; dot-separated parts, numbers below words. */
function comparePreRelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xNumber = /^\d+$/.test(x);
    const yNumber = /^\d+$/.test(y);
    if (xNumber && yNumber) return Number(x) - Number(y);
    if (xNumber !== yNumber) return xNumber ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
