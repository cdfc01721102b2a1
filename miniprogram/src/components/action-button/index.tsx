import { View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import './index.scss';

export interface ActionButtonProps {
  /** Stable hook for e2e tests (set on the wrapper: AtButton does not forward ids). */
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

/** Our button. The only place that knows it is a taro-ui AtButton. */
export function ActionButton({ id, kind = 'primary', size = 'normal', disabled, loading, openType, onClick, children }: ActionButtonProps) {
  const classes = ['action-button', `action-button--${size}`, kind === 'danger' ? 'action-button--danger' : ''].filter(Boolean);
  return (
    <View id={id} className={classes.join(' ')}>
      <AtButton
        type={kind === 'secondary' ? 'secondary' : 'primary'}
        size={size === 'small' ? 'small' : 'normal'}
        disabled={disabled || loading}
        loading={loading}
        openType={openType}
        onClick={onClick}
        className='action-button__button'
      >
        {children}
      </AtButton>
    </View>
  );
}
