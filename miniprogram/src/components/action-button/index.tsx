import { View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import './index.scss';

export interface ActionButtonProps {
  /** Stable hook for e2e tests (set on the wrapper: AtButton does not forward ids). */
  id?: string;
  kind?: 'primary' | 'secondary';
  disabled?: boolean;
  onClick: () => void;
  children: string;
}

/** Our button. The only place that knows it is a taro-ui AtButton. */
export function ActionButton({ id, kind = 'primary', disabled, onClick, children }: ActionButtonProps) {
  return (
    <View id={id} className='action-button'>
      <AtButton type={kind} disabled={disabled} onClick={onClick} className='action-button__button'>
        {children}
      </AtButton>
    </View>
  );
}
