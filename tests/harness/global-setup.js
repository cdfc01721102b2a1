// Loaded by jest before any project; TypeScript support comes from tsx so the harness shares the
// exact start-up code of `npm start` (scripts/lib).
require('tsx/cjs/api').register();
module.exports = require('./stack.ts').startTestStack;
