import { useState } from 'react';
import { ListCard, ListRow } from '../../../components/list-row';
import { Panel } from '../../../components/panel';
import { Pill } from '../../../components/pill';
import { t } from '../../../i18n/me';
import { isLowData, setLowData } from '../../../services/low-data';

/** The low-data switch (省流量模式: text first, pictures on tap), signed in or not: a tap turns it over. */
export function LowDataPanel() {
  const [on, setOn] = useState(isLowData);
  const toggle = () => {
    setLowData(!on);
    setOn(!on);
  };
  return (
    <Panel id="me-low-data">
      <ListCard>
        <ListRow
          id="me-low-data-toggle"
          title={t('me.lowDataTitle')}
          subtitle={t('me.lowDataHint')}
          aside={<Pill tone={on ? 'brand' : 'muted'}>{on ? t('me.lowDataOn') : t('me.lowDataOff')}</Pill>}
          onClick={toggle}
        />
      </ListCard>
    </Panel>
  );
}
