// Loaded with --require: this Node.js as Node.js 20.0.0 is, where the prompts fail. It reports
// 20.0.0 and has no util.styleText (added in 20.12), which the interactive prompts call. A real
// 20.0.0 (checked by hand with its binary) fails earlier, at the import, with another message;
// mentor says the same of both.
const util = require('node:util');
delete util.styleText;
require('node:module').syncBuiltinESMExports();
Object.defineProperty(process.versions, 'node', { value: '20.0.0' });
