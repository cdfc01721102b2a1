import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ActionButton } from '../../../../components/action-button';
import { ListCard, ListRow } from '../../../../components/list-row';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Pill } from '../../../../components/pill';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { isApiError } from '../../../../services/api-error';
import { getSupervision, type SupervisionView } from '../../../../services/api-services';
import { chinaDate } from '../../../../services/business-date';
import { formatFen } from '../../../../services/money';
import { openPage } from '../../../../services/routes';
import { downloadSupervisionCsv, type ExportOutcome } from '../../../../services/supervision-export';
import { BarChart } from '../../components/bar-chart';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const TYPES = ['payment', 'order', 'ack', 'informed', 'answer', 'consultation', 'training'] as const;

/** Where people would rather look than read: services by type and each day's services. */
function Charts({ view }: { view: SupervisionView }) {
  return (
    <Section id="supervision-charts" title={t('supervision.chartsTitle')}>
      <Section id="supervision-chart-types-section" title={t('supervision.byType')}>
        <BarChart
          id="supervision-chart-types"
          layout="rows"
          bars={TYPES.map((type) => ({ key: type, label: t(`month.type.${type}`), value: view.figures.byType[type] }))}
        />
      </Section>
      <Section id="supervision-chart-trend-section" title={t('supervision.trend')}>
        {view.days.length ? (
          <BarChart
            id="supervision-chart-trend"
            layout="columns"
            bars={view.days.map((d) => ({ key: d.date, label: d.date.slice(5), value: d.services }))}
          />
        ) : (
          <Notice id="supervision-no-days" kind="info" text={t('supervision.noDays')} />
        )}
      </Section>
    </Section>
  );
}

type ExportState = { status: 'idle' | 'sending' } | { status: 'done'; outcome: ExportOutcome } | { status: 'failed'; reason: string };

/** 导出 CSV: the same figures per region (aggregates only); H5 saves a file, WeChat sends it to a chat. */
function ExportButton({ view }: { view: SupervisionView }) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const run = async () => {
    setState({ status: 'sending' });
    try {
      setState({ status: 'done', outcome: await downloadSupervisionCsv(view.region.code, view.from, view.to) });
    } catch (error) {
      setState({ status: 'failed', reason: errorText(isApiError(error) ? error.code : 'UNKNOWN') });
    }
  };
  const done = (o: ExportOutcome) =>
    o.kind === 'saved'
      ? t('supervision.exported', { file: o.fileName })
      : o.kind === 'shared'
        ? t('supervision.exportShared', { file: o.fileName })
        : t('supervision.exportNotShared');
  return (
    <Section id="supervision-export" title="">
      <ActionButton id="supervision-export-button" kind="secondary" loading={state.status === 'sending'} onClick={run}>
        {t('supervision.export')}
      </ActionButton>
      {state.status === 'done' ? <Notice id="supervision-exported" kind="success" text={done(state.outcome)} /> : null}
      {state.status === 'failed' ? (
        <Notice id="supervision-export-error" kind="error" text={t('supervision.exportFailed', { reason: state.reason })} />
      ) : null}
    </Section>
  );
}

function Definitions({ view }: { view: SupervisionView }) {
  const d = view.definitions;
  const target = (area: string) => d.targets[area]?.servicesPerMonth ?? 0;
  const lines = [
    t('supervision.def.active', { days: d.activeWithinDays }),
    t('supervision.def.silent', { days: d.silentAfterDays }),
    t('supervision.def.spike', { weeks: d.spikeMedianWeeks, times: d.spikeTimesMedian }),
    t('supervision.def.drop', { days: d.dropWindowDays, share: percent(d.dropShare), min: d.dropMinBaseline }),
    t('supervision.def.burst', { minutes: d.burstMinutes, services: d.burstServices }),
    t('supervision.def.ackRate'),
    t('supervision.def.satisfied', { from: d.satisfiedFrom }),
    t('supervision.def.targets', { farming: target('farming'), semi: target('semi_pastoral'), pastoral: target('pastoral') }),
  ];
  return (
    <Section id="supervision-definitions" title={t('supervision.definitionsTitle')}>
      <ListCard>
        {lines.map((line, i) => (
          <ListRow key={i} id={`supervision-def-${i}`} title={line} />
        ))}
      </ListCard>
    </Section>
  );
}

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
          <ListRow
            id="supervision-ack-rate"
            title={t('supervision.ackRate')}
            aside={t('supervision.ackRateValue', {
              share: percent(view.acknowledgements.rate),
              acked: view.acknowledgements.acked,
              reached: view.acknowledgements.reached,
            })}
          />
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
              subtitle={[
                t('supervision.childLine', {
                  services: row.figures.services,
                  target: row.target,
                  active: row.activeStations,
                  stations: row.stationCount,
                }),
                ...(row.silentStations || row.burstFlags
                  ? [t('supervision.childFlags', { silent: row.silentStations, bursts: row.burstFlags })]
                  : []),
              ].join(' · ')}
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
      <Charts view={view} />
      <ExportButton view={view} />
      <Definitions view={view} />
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
  useNavTitle(t('supervision.navTitle'));
  const { params } = useRouter();
  return (
    <View id="supervision-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <Supervision code={params.code || me.region?.code || me.user.regionCode || ''} />}
      </RoleGate>
    </View>
  );
}
