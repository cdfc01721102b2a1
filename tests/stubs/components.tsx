/**
 * @tarojs/components for jest (jsdom): View -> div, Text -> span, Input -> input (Textarea -> textarea) whose onInput and
 * onConfirm receive Taro's event shape (`e.detail.value`), Button -> button. Enough to render our
 * components and pages with @testing-library/react; the real Taro H5 components do not run in jsdom.
 */
import { createElement, type ReactNode } from 'react';

interface Common {
  id?: string;
  className?: string;
  style?: Record<string, string | number>;
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  [data: `data-${string}`]: string | undefined;
}

const passThrough = (tag: string) =>
  function Stub({ children, ...props }: Common & Record<string, unknown>) {
    const { id, className, style, onClick } = props as Common;
    return createElement(tag, { id, className, style, onClick }, children);
  };

export const View = passThrough('div');
export const Text = passThrough('span');
export const Image = passThrough('img');
export const ScrollView = passThrough('div');
export const Label = passThrough('label');
export const Form = passThrough('form');
/** A 2d canvas: a box (jsdom draws nothing; the price chart finds no <canvas> and leaves it blank). */
export const Canvas = passThrough('div');
/** WeChat's map: a box with the centre in data attributes (jsdom has no map). */
export function Map({ id, className, latitude, longitude }: Common & { latitude: number; longitude: number }) {
  return createElement('div', { id, className, 'data-latitude': latitude, 'data-longitude': longitude });
}
/** Taro's Picker: its child, and `onChange` with `detail.value` when a test fires a change on it. */
export function Picker({
  children,
  value,
  onChange,
}: Common & { mode?: string; value?: string; onChange?: (event: { detail: { value: string } }) => void }) {
  return createElement(
    'div',
    { 'data-picker-value': value, onChange: (event: { target: { value: string } }) => onChange?.({ detail: { value: event.target.value } }) },
    children,
  );
}

export function Button({ children, id, className, disabled, onClick, formType }: Common & { disabled?: boolean; formType?: 'submit' | 'reset' }) {
  return createElement('button', { id, className, disabled, onClick, type: formType === 'submit' ? 'submit' : 'button' }, children);
}

interface TaroInputEvent {
  detail: { value: string };
}

export function Input({
  id,
  className,
  value,
  placeholder,
  maxlength,
  type,
  disabled,
  onInput,
  onConfirm,
}: Common & {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  type?: string;
  disabled?: boolean;
  onInput?: (event: TaroInputEvent) => void;
  onConfirm?: (event: TaroInputEvent) => void;
}) {
  return createElement('input', {
    id,
    className,
    value: value ?? '',
    placeholder,
    maxLength: maxlength,
    type: type === 'number' || type === 'digit' ? 'text' : (type ?? 'text'),
    disabled,
    onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
    onKeyDown: (event: { key: string; currentTarget: { value: string } }) => {
      if (event.key === 'Enter') onConfirm?.({ detail: { value: event.currentTarget.value } });
    },
  });
}

/** Textarea -> textarea whose onInput receives Taro's event shape, like Input. */
export function Textarea({
  id,
  className,
  value,
  placeholder,
  onInput,
}: Common & { value?: string; placeholder?: string; maxlength?: number; autoHeight?: boolean; onInput?: (event: TaroInputEvent) => void }) {
  return createElement('textarea', {
    id,
    className,
    value: value ?? '',
    placeholder,
    onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
  });
}
