/**
 * The slice of @tarojs/taro the mini-program uses, for jest (jsdom). Real Taro needs its runtime
 * and a platform; here every API is a plain function on the default export, so a test replaces it
 * with `jest.spyOn(Taro, 'request')` and asserts on calls. Router params are set per test with
 * `setRouterParams()`.
 */

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

const Taro = {
  ENV_TYPE,
  getEnv: (): string => (process.env.TARO_ENV === 'weapp' ? ENV_TYPE.WEAPP : ENV_TYPE.WEB),
  request: async (_options: { url: string; method?: string; data?: unknown; header?: Record<string, string> }): Promise<{
    statusCode: number;
    data: unknown;
    header: Record<string, string>;
  }> => {
    throw new Error('Taro.request is not stubbed in this test: use jest.spyOn(Taro, "request")');
  },
  scanCode: async (_options?: unknown): Promise<{ result: string; scanType: string; path?: string; charSet: string; rawData: string; errMsg: string }> => {
    throw { errMsg: 'scanCode:fail cancel' };
  },
  navigateTo: (_options: { url: string }) => ok('navigateTo'),
  redirectTo: (_options: { url: string }) => ok('redirectTo'),
  reLaunch: (_options: { url: string }) => ok('reLaunch'),
  navigateBack: (_options?: { delta?: number }) => ok('navigateBack'),
  setNavigationBarTitle: (_options: { title: string }) => ok('setNavigationBarTitle'),
  showToast: (_options: { title: string }) => ok('showToast'),
  pxTransform: (size: number) => `${size / 40}rem`,
};

export function useRouter() {
  return { params: routerParams, path: '' };
}

// Lifecycle hooks: pages run their effects through React here, so these only need to exist.
export function useLoad(_callback: (params: Params) => void): void {}
export function useDidShow(_callback: () => void): void {}
export function useDidHide(_callback: () => void): void {}
export function useReady(_callback: () => void): void {}
export function usePullDownRefresh(_callback: () => void): void {}

export const ENV_TYPES = ENV_TYPE;
export default Taro;
