import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ListCard, ListRow } from '../../../../components/list-row';
import { PageHero } from '../../../../components/page-hero';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getSupervision, type SupervisionView } from '../../../../services/api-services';
import { chinaDate } from '../../../../services/business-date';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function Figures({ view }: { view: SupervisionView }) {
  const { figures, coverage } = view;
  return (
    <>
      <PageHero
        eyebrow={{ text: t('supervision.period', { from: view.from, to: view.to }) }}
        title={{ id: 'supervision-region', text: view.region.name }}
        lines={[
          {
            id: 'supervision-services',
            text: t('supervision.services', { services: figures.services, target: view.target, share: percent(view.attainment) }),
          },
          {
            id: 'supervision-coverage',
            text: t('supervision.coverage', { active: coverage.activeStations, villages: coverage.villages, share: percent(coverage.rate) }),
          },
          {
            id: 'supervision-fresh',
            text: view.freshAt ? t('supervision.freshAt', { at: view.freshAt.slice(0, 16).replace('T', ' ') }) : t('supervision.notFresh'),
          },
        ]}
      />
      <Section id="supervision-figures" title={t('supervision.figuresTitle')}>
        <ListCard>
          <ListRow
            id="supervision-payments"
            title={t('supervision.payments')}
            aside={`${figures.byType.payment} · ${formatFen(figures.paymentFen)}`}
          />
          <ListRow id="supervision-orders" title={t('supervision.orders')} aside={`${figures.byType.order} · ${formatFen(figures.orderFen)}`} />
          <ListRow id="supervision-acks" title={t('supervision.acks')} aside={`${view.acknowledgements.acked} / ${view.acknowledgements.informed}`} />
          <ListRow id="supervision-trainings" title={t('supervision.trainings')} aside={String(figures.trainings)} />
          <ListRow
            id="supervision-satisfaction"
            title={t('supervision.satisfaction')}
            aside={`${percent(figures.satisfaction)} (${figures.ratingCount})`}
          />
        </ListCard>
      </Section>
      <Section id="supervision-children" title={t('supervision.childrenTitle')}>
        <ListCard>
          {view.children.map((row) => (
            <ListRow
              key={row.code}
              id={`supervision-child-${row.code}`}
              title={row.name}
              subtitle={t('supervision.childLine', {
                services: row.figures.services,
                target: row.target,
                active: row.activeStations,
                stations: row.stationCount,
              })}
              aside={
                <Pill tone={row.attainment >= 1 ? 'brand' : 'accent'} id={`supervision-child-${row.code}-share`}>
                  {percent(row.attainment)}
                </Pill>
              }
              onClick={row.kind === 'region' ? () => openPage('supervision', { code: row.code }) : undefined}
            />
          ))}
        </ListCard>
      </Section>
      {view.flags.length ? (
        <Section id="supervision-flags" title={t('supervision.flagsTitle')}>
          <ListCard>
            {view.flags.map((flag) => (
              <ListRow
                key={`${flag.kind}-${flag.stationId}-${flag.detail}`}
                title={t(`supervision.flag.${flag.kind}`, { village: flag.villageCode })}
                subtitle={flag.detail}
              />
            ))}
          </ListCard>
        </Section>
      ) : null}
    </>
  );
}

function Supervision({ code }: { code: string }) {
  const today = chinaDate();
  const from = `${today.slice(0, 8)}01`;
  const { state, retry } = useResource(code, (key) => getSupervision(key, from, today));
  if (state.status === 'ready') return <Figures view={state.value} />;
  if (state.status === 'error')
    return (
      <ErrorStateView
        id="supervision-error"
        title={t('supervision.error')}
        error={state.error}
        actions={[{ id: 'supervision-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  return <StateView id="supervision-loading" kind="loading" title={t('supervision.loading')} />;
}

/** 服务督导: a region's month from aggregates, its children weakest first (tap one to drill down), flags (`?code=`). */
export default function SupervisionPage() {
  const { params } = useRouter();
  return (
    <View id="supervision-page" className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <Supervision code={params.code || me.region?.code || me.user.regionCode || ''} />}
      </RoleGate>
    </View>
  );
}
