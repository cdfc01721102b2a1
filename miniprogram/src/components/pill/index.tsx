import { Text } from '@tarojs/components';
import './index.scss';

export type PillTone = 'brand' | 'muted' | 'accent' | 'danger' | 'on-dark' | 'on-dark-soft';

export interface PillProps {
  id?: string;
  tone?: PillTone;
  children: string;
}

/** A short status or badge: "营业中", "可办理", "即将上线", the role on "me". */
export function Pill({ id, tone = 'brand', children }: PillProps) {
  return (
    <Text id={id} className={`pill pill--${tone}`}>
      {children}
    </Text>
  );
}
