// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// A root (project-wide) config on purpose: it also applies to ../shared, which config/index.ts
// lets the script loader compile (compile.include).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
