/**
 * The slice of @tarojs/taro the mini-program uses, for jest (jsdom). Real Taro needs its runtime
 * and a platform; here every API is a plain function on the default export, so a test replaces it
 * with `jest.spyOn(Taro, 'request')` and asserts on calls. Router params are set per test with
 * `setRouterParams()`; storage is an in-memory map (`resetStorage()`); `useDidShow`/`useDidHide`
 * run when a test calls `showPages()`/`hidePages()`.
 */
import { useEffect, useRef } from 'react';

type Params = Record<string, string | undefined>;

let routerParams: Params = {};

/** Test helper: the params `useRouter()` returns until the next call. */
export function setRouterParams(params: Params): void {
  routerParams = params;
}

const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  HARMONY: 'HARMONY',
} as const;

const ok = async (name: string) => ({ errMsg: `${name}:ok` });

const storage = new Map<string, unknown>();

/** Test helper: empties the stubbed storage. */
export function resetStorage(): void {
  storage.clear();
}

/** Like wx storage: a copy goes in and comes out, so a stored object is not shared by reference. */
const copyOf = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** What the app registered for network changes and app shows: a test calls them through `emitNetwork` / `emitAppShow`. */
const networkListeners: Array<(status: { isConnected: boolean; networkType: string }) => void> = [];
const appShowListeners: Array<() => void> = [];
export function emitNetwork(isConnected: boolean): void {
  for (const listener of networkListeners) listener({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
}
export function emitAppShow(): void {
  for (const listener of appShowListeners) listener();
}

const Taro = {
  ENV_TYPE,
  onNetworkStatusChange: (callback: (status: { isConnected: boolean; networkType: string }) => void) => {
    networkListeners.push(callback);
  },
  onAppShow: (callback: () => void) => {
    appShowListeners.push(callback);
  },
  getEnv: (): string => (process.env.TARO_ENV === 'weapp' ? ENV_TYPE.WEAPP : ENV_TYPE.WEB),
  request: async (_options: {
    url: string;
    method?: string;
    data?: unknown;
    header?: Record<string, string>;
  }): Promise<{
    statusCode: number;
    data: unknown;
    header: Record<string, string>;
  }> => {
    throw new Error('Taro.request is not stubbed in this test: use jest.spyOn(Taro, "request")');
  },
  scanCode: async (
    _options?: unknown,
  ): Promise<{ result: string; scanType: string; path?: string; charSet: string; rawData: string; errMsg: string }> => {
    throw { errMsg: 'scanCode:fail cancel' };
  },
  navigateTo: (_options: { url: string }) => ok('navigateTo'),
  redirectTo: (_options: { url: string }) => ok('redirectTo'),
  reLaunch: (_options: { url: string }) => ok('reLaunch'),
  /** The page stack; a test gives one with jest.spyOn(Taro, 'getCurrentPages'). */
  getCurrentPages: (): Array<{ route: string; options: Record<string, string> }> => [],
  navigateBack: (_options?: { delta?: number }) => ok('navigateBack'),
  setNavigationBarTitle: (_options: { title: string }) => ok('setNavigationBarTitle'),
  showToast: (_options: { title: string }) => ok('showToast'),
  /** A confirm dialog: tests answer it with jest.spyOn(Taro, 'showModal'); unanswered, the user confirms. */
  showModal: async (_options: { title?: string; content?: string }): Promise<{ confirm: boolean; cancel: boolean; errMsg: string }> => ({
    confirm: true,
    cancel: false,
    errMsg: 'showModal:ok',
  }),
  pxTransform: (size: number) => `${size / 40}rem`,
  /** WeChat's language ('zh_CN'); a test sets another with jest.spyOn(Taro, 'getSystemInfoSync'). */
  getSystemInfoSync: (): { language: string } => ({ language: 'zh_CN' }),
  // wx returns '' for a key it does not have.
  getStorageSync: (key: string): unknown => (storage.has(key) ? copyOf(storage.get(key)) : ''),
  setStorageSync: (key: string, data: unknown): void => {
    storage.set(key, copyOf(data));
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key);
  },
  /** WeChat's subscribe-message dialog: a test fakes the user's answer with jest.spyOn(Taro, 'requestSubscribeMessage'). */
  requestSubscribeMessage: async (_options: { tmplIds: string[] }): Promise<Record<string, string>> => {
    throw new Error('Taro.requestSubscribeMessage is not stubbed in this test: use jest.spyOn(Taro, "requestSubscribeMessage")');
  },
  login: async (_options?: unknown): Promise<{ code: string; errMsg: string }> => {
    throw { errMsg: 'login:fail not stubbed in this test: use jest.spyOn(Taro, "login")' };
  },
  setClipboardData: (_options: { data: string }) => ok('setClipboardData'),
  makePhoneCall: (_options: { phoneNumber: string }) => ok('makePhoneCall'),
  // No position unless a test says where the phone is.
  getLocation: async (_options?: unknown): Promise<{ latitude: number; longitude: number; errMsg: string }> => {
    throw { errMsg: 'getLocation:fail not stubbed in this test: use jest.spyOn(Taro, "getLocation")' };
  },
  chooseLocation: async (_options?: unknown): Promise<{ latitude: number; longitude: number; name: string; address: string; errMsg: string }> => {
    throw { errMsg: 'chooseLocation:fail cancel' };
  },
  openLocation: (_options: { latitude: number; longitude: number; name?: string; address?: string; scale?: number }) => ok('openLocation'),
  openSetting: async (_options?: unknown): Promise<{ authSetting: Record<string, boolean>; errMsg: string }> => ({
    authSetting: {},
    errMsg: 'openSetting:ok',
  }),
  downloadFile: async (_options: {
    url: string;
    header?: Record<string, string>;
  }): Promise<{ statusCode: number; tempFilePath: string; errMsg: string }> => {
    throw { errMsg: 'downloadFile:fail not stubbed in this test: use jest.spyOn(Taro, "downloadFile")' };
  },
  shareFileMessage: (_options: { filePath: string; fileName?: string }) => ok('shareFileMessage'),
  previewImage: (_options: { current?: string; urls: string[] }) => ok('previewImage'),
  stopPullDownRefresh: () => ok('stopPullDownRefresh'),
  nextTick: (callback: () => void) => {
    setTimeout(callback, 0);
  },
};

export function useRouter() {
  return { params: routerParams, path: '' };
}

type Lifecycle = 'show' | 'hide' | 'pullDown';
const lifecycleListeners: Record<Lifecycle, Set<() => void>> = { show: new Set(), hide: new Set(), pullDown: new Set() };

function useLifecycle(kind: Lifecycle, callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = () => latest.current();
    lifecycleListeners[kind].add(listener);
    return () => {
      lifecycleListeners[kind].delete(listener);
    };
  }, [kind]);
}

/** Test helper: every mounted page hears onHide (another page was opened over it). */
export function hidePages(): void {
  for (const listener of Array.from(lifecycleListeners.hide)) listener();
}

/** Test helper: every mounted page hears onShow (the user came back to it). */
export function showPages(): void {
  for (const listener of Array.from(lifecycleListeners.show)) listener();
}

// Pages run their first effects through React here; show/hide only when a test says so.
export function useLoad(_callback: (params: Params) => void): void {}
export function useDidShow(callback: () => void): void {
  useLifecycle('show', callback);
}
export function useDidHide(callback: () => void): void {
  useLifecycle('hide', callback);
}
/** onReady: once, after the page's first render (as on weapp; pages set their navigation-bar title from it). */
export function useReady(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(), []);
}
export function usePullDownRefresh(callback: () => void): void {
  useLifecycle('pullDown', callback);
}

/** Test helper: the user pulls every mounted page down to refresh it (enablePullDownRefresh). */
export function pullDownPages(): void {
  for (const listener of Array.from(lifecycleListeners.pullDown)) listener();
}

/** The last share handler a page registered (useShareAppMessage), for tests to call. */
export let shareHandler: (() => { title?: string; path?: string }) | undefined;
export function useShareAppMessage(callback: () => { title?: string; path?: string }): void {
  shareHandler = callback;
}

export const ENV_TYPES = ENV_TYPE;
export default Taro;
