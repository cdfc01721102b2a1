import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ListCard, ListRow } from '../../../../components/list-row';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getServiceMonth, type ServiceMonth } from '../../../../services/api-services';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { QuickLog } from '../../components/quick-log';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

const TYPES = ['payment', 'order', 'ack', 'informed', 'answer', 'consultation', 'training'] as const;
const percent = (share: number | null) => (share === null ? t('month.noRatings') : `${Math.round(share * 100)}%`);

function MonthFigures({ month }: { month: ServiceMonth }) {
  const { figures, target, pending } = month;
  return (
    <>
      <PageHero
        eyebrow={{ text: t('month.eyebrow', { month: month.month }) }}
        title={{ id: 'month-services', text: t('month.services', { services: figures.services, target: target.servicesPerMonth }) }}
        lines={[
          { id: 'month-satisfaction', text: t('month.satisfaction', { share: percent(figures.satisfaction), target: percent(target.satisfaction) }) },
          { id: 'month-pending', text: pending.servicesToTarget > 0 ? t('month.pending', pending) : t('month.reached') },
        ]}
      />
      <Section id="month-by-type" title={t('month.byTypeTitle')}>
        <ListCard>
          {TYPES.map((type) => (
            <ListRow key={type} id={`month-type-${type}`} title={t(`month.type.${type}`)} aside={String(figures.byType[type])} />
          ))}
          <ListRow id="month-payment-fen" title={t('month.paymentFen')} aside={formatFen(figures.paymentFen)} />
          <ListRow id="month-order-fen" title={t('month.orderFen')} aside={formatFen(figures.orderFen)} />
        </ListCard>
      </Section>
      <Section id="month-trend" title={t('month.trendTitle')}>
        <ListCard>
          {month.trend.map((m) => (
            <ListRow
              key={m.month}
              id={`month-trend-${m.month}`}
              title={m.month}
              aside={t('month.trendRow', { services: m.services, share: percent(m.satisfaction) })}
            />
          ))}
        </ListCard>
      </Section>
    </>
  );
}

function Content({ me }: { me: MeResponse }) {
  const stationId = me.station?.id;
  const { state, retry, refresh } = useResource(stationId, getServiceMonth);
  if (!stationId) {
    return (
      <StateView
        id="month-no-station"
        kind="empty"
        title={t('officer.noStationTitle')}
        description={t('officer.stationMissing')}
        actions={[{ id: 'month-me-button', label: t('role.openMe'), onClick: () => openPage('me') }]}
      />
    );
  }
  return (
    <View>
      <QuickLog idPrefix="month" stationId={stationId} onLogged={refresh} />
      {state.status === 'ready' ? <MonthFigures month={state.value} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="month-error"
          title={t('month.error')}
          error={state.error}
          actions={[{ id: 'month-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'loading' ? <StateView id="month-loading" kind="loading" title={t('month.loading')} /> : null}
    </View>
  );
}

/** 我的本月: the station's services against the month's target, and 一键登记咨询 on top. */
export default function ServiceMonthPage() {
  useNavTitle(t('month.navTitle'));
  return (
    <View id="month-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
