import { Button, View } from '@tarojs/components';
import { Spinner } from '../spinner';
import './index.scss';

export interface ActionButtonProps {
  /** Stable hook for e2e tests (set on the wrapper). */
  id?: string;
  /** `danger` is a primary button in the danger colour, for a confirmed destructive step. */
  kind?: 'primary' | 'secondary' | 'danger';
  /** `small` sits inline (beside a value, in a list row) instead of filling the width. */
  size?: 'normal' | 'small';
  disabled?: boolean;
  /** Shows a spinner and ignores taps while an action runs. */
  loading?: boolean;
  /** WeChat only: `share` makes the button open the share sheet (useShareAppMessage decides what). */
  openType?: 'share';
  onClick?: () => void;
  children: string;
}

/**
 * Our button. It renders taro-ui's button markup (`at-button`, `at-button--disabled`, ...) styled by
 * taro-ui's button.scss (app.scss), so it looks as before and tests find it the same way, but not
 * taro-ui's AtButton component: that class, with prop-types, classnames and its loading component,
 * was about 7 KB of the main package a villager downloads on the first scan.
 */
export function ActionButton({ id, kind = 'primary', size = 'normal', disabled, loading, openType, onClick, children }: ActionButtonProps) {
  const inactive = Boolean(disabled || loading);
  const wrapper = ['action-button', `action-button--${size}`, kind === 'danger' ? 'action-button--danger' : ''];
  // Only classes a rule styles (the size is the wrapper's): every byte here ships in the main package.
  const button = ['at-button', `at-button--${kind === 'secondary' ? 'secondary' : 'primary'}`, inactive ? 'at-button--disabled' : ''];
  return (
    <View id={id} className={wrapper.filter(Boolean).join(' ')}>
      <View className={button.filter(Boolean).join(' ')} onClick={inactive ? undefined : onClick}>
        {/* The native button over the face: WeChat's share sheet (openType), and a real <button> for H5. */}
        {inactive ? null : <Button className="at-button__wxbutton" openType={process.env.TARO_ENV === 'h5' ? undefined : openType} />}
        {loading ? (
          <View className="at-button__icon">
            <Spinner />
          </View>
        ) : null}
        <View className="at-button__text">{children}</View>
      </View>
    </View>
  );
}
