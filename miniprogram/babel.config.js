// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// A root (project-wide) config on purpose: it also applies to ../shared, which config/index.ts
// lets the script loader compile (compile.include).
//
// Targets: without them (and without a browserslist) the preset compiles for iOS 9 / Android 5,
// i.e. ES5: every async function becomes regenerator state machines, every class, spread and
// destructuring a helper call, about a tenth of our code in the main package. The engines that
// run this code all have ES2017: WeChat's JavaScriptCore on iOS 12+ (WeChat's own minimum) and V8
// on Android for the mini-program; Safari 12+ and Chromium-based browsers (WeChat's and the
// phone's) for the H5 build. Jest (NODE_ENV=test) keeps the preset's own choice (current Node).
const MODERN_TARGETS = { ios: '12', safari: '12', chrome: '66' };

// Parameters and destructuring would still be compiled down for these targets, only because of
// two Safari bugs (< 16.3) that babel's own `bugfixes` mode handles with two small plugins instead;
// babel-preset-taro does not pass `bugfixes` on, so the same swap is made here.
const fromPresetEnv = (name) => require.resolve(name, { paths: [require.resolve('@babel/preset-env')] });
const SAFARI_BUGFIXES = [
  fromPresetEnv('@babel/plugin-bugfix-safari-id-destructuring-collision-in-function-expression'),
  fromPresetEnv('@babel/plugin-bugfix-safari-rest-destructuring-rhs-array'),
];
const modern = { targets: MODERN_TARGETS, exclude: ['transform-parameters', 'transform-destructuring'] };
const isTest = process.env.NODE_ENV === 'test';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(isTest ? {} : modern),
      },
    ],
  ],
  plugins: isTest ? [] : SAFARI_BUGFIXES,
};
