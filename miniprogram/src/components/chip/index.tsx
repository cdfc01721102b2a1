import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ChipProps {
  id?: string;
  label: string;
  selected: boolean;
  disabled?: boolean;
  /** A single character (a weekday): narrow enough for seven in a row on a 375 px screen. */
  compact?: boolean;
  onClick: () => void;
}

/** A toggle: a day of the week, a capability, a station type. Selected ones are filled green. */
export function Chip({ id, label, selected, disabled, compact, onClick }: ChipProps) {
  const classes = ['chip', selected ? 'chip--selected' : '', disabled ? 'chip--disabled' : '', compact ? 'chip--compact' : '']
    .filter(Boolean)
    .join(' ');
  // Not by colour alone: a selected chip with words also carries a tick.
  const text = selected && !compact ? `✓ ${label}` : label;
  return (
    <View id={id} className={classes} onClick={disabled ? undefined : onClick}>
      <Text className="chip__label">{text}</Text>
    </View>
  );
}

/** Chips side by side, wrapping. */
export function ChipGroup({ id, label, compact, children }: { id?: string; label?: string; compact?: boolean; children: ReactNode }) {
  return (
    <View id={id} className={`chip-group${compact ? ' chip-group--compact' : ''}`}>
      {label ? <Text className="chip-group__label">{label}</Text> : null}
      <View className="chip-group__chips">{children}</View>
    </View>
  );
}
