/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Replaced at build time by Taro. */
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID?: string;
    /** API base URL; empty means the platform default (src/services/api.ts). */
    TARO_APP_API_BASE?: string;
    /** '1': the "me" page offers the dev sign-in field (config/index.ts). */
    TARO_APP_DEV_LOGIN?: string;
  }
}
