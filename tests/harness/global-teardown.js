require('tsx/cjs/api').register();
module.exports = require('./stack.ts').stopTestStack;
