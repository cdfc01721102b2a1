/**
 * What the page tests share: finding rendered elements by id, answering Taro.request by route, and
 * the events of our components (buttons are AtButton's <button> inside the id'd wrapper).
 */
import { fireEvent } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { errorBody } from './fixtures';

export const byId = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is not rendered`);
  return element;
};

export const exists = (id: string) => document.getElementById(id) !== null;

export function answer(statusCode: number, data: unknown) {
  return jest.spyOn(Taro, 'request').mockResolvedValue({ statusCode, data, header: {} } as never);
}

/**
 * Like `answer`, for the station page: it also asks for its latest feed items (GET /feeds), which get
 * an empty page, whichever request is answered first.
 */
export function answerStationPage(statusCode: number, data: unknown) {
  return jest
    .spyOn(Taro, 'request')
    .mockImplementation((async (options: { url: string }) =>
      /\/feeds(\?|$)/.test(options.url)
        ? { statusCode: 200, data: { items: [], nextCursor: null }, header: {} }
        : { statusCode, data, header: {} }) as never);
}

export type RequestOptions = Parameters<typeof Taro.request>[0];
export type Reply = { statusCode: number; data: unknown };

/**
 * Answers Taro.request by "METHOD /path" (the base URL dropped; the query kept, so a table entry
 * may name it); anything else is a 404.
 */
export function routes(table: Record<string, Reply | ((options: RequestOptions) => Reply)>) {
  return jest.spyOn(Taro, 'request').mockImplementation((async (options: RequestOptions) => {
    const path = options.url.replace(/^(https?:\/\/[^/]+)?(\/api)?/, '');
    const entry = table[`${options.method ?? 'GET'} ${path}`] ?? table[`${options.method ?? 'GET'} ${path.split('?')[0]}`];
    const reply = typeof entry === 'function' ? entry(options) : (entry ?? { statusCode: 404, data: errorBody('NOT_FOUND') });
    return { ...reply, header: {} };
  }) as never);
}

export const ok = (data: unknown): Reply => ({ statusCode: 200, data });
export const button = (id: string) => byId(id).querySelector('button')!;
export const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } });
