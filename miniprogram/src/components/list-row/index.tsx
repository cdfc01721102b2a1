import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface ListRowProps {
  /** Stable hook for e2e tests; set on the tappable row. */
  id?: string;
  title: string;
  /** A second line: where it is, how many stations. */
  subtitle?: string;
  /** At the right: a distance, a status pill. */
  aside?: ReactNode;
  /** Greyed out and not tappable (a village without a station). */
  disabled?: boolean;
  onClick?: () => void;
}

/** One tappable line of a list: title, a line under it, something at the right and a chevron. */
export function ListRow({ id, title, subtitle, aside, disabled, onClick }: ListRowProps) {
  const tappable = Boolean(onClick) && !disabled;
  return (
    <View
      id={id}
      className={`list-row${tappable ? ' list-row--tappable' : ''}${disabled ? ' list-row--disabled' : ''}`}
      onClick={tappable ? onClick : undefined}
    >
      <View className="list-row__main">
        <Text className="list-row__title">{title}</Text>
        {subtitle ? <Text className="list-row__subtitle">{subtitle}</Text> : null}
      </View>
      {aside !== undefined || tappable ? (
        <View className="list-row__aside">
          {aside}
          {tappable ? <Text className="list-row__chevron">›</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

/** A card of rows with lines between them. */
export function ListCard({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <View id={id} className="list-card">
      {children}
    </View>
  );
}
