import { afterAll } from 'vitest';
import { runFileEndCleanups } from '../helpers/file-end.js';

// After each test file (setup files run before every file, isolated or not). Removing many repos on
// a loaded machine can take longer than the default hook timeout.
afterAll(runFileEndCleanups, 180_000);
