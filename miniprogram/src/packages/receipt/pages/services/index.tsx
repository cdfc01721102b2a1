import { View } from '@tarojs/components';
import { ListCard, ListRow } from '../../../../components/list-row';
import { RoleGate } from '../../../../components/role-gate';
import { ServiceRating } from '../../../../components/service-rating';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/receipt';
import { getMyServices, type ServiceRecord } from '../../../../services/api-services';
import { formatChinaTime } from '../../../../services/china-time';
import { pageStyle } from '../../../../services/page-style';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** One service: what and when; rated already (its score), or the 1-5 prompt (once: a second rating reads as already rated). */
function ServiceItem({ service }: { service: ServiceRecord }) {
  const typeName = t(`services.type.${service.type}`);
  const channelName = service.channel ? t(`services.channel.${service.channel as 'phone' | 'wechat' | 'in_person'}`) : '';
  return (
    <View id={`my-service-${service.id}`}>
      <ListCard>
        <ListRow
          id={`my-service-${service.id}-title`}
          title={channelName ? `${typeName} · ${channelName}` : typeName}
          subtitle={formatChinaTime(service.at)}
          aside={service.rating === null ? undefined : t('services.rated', { n: service.rating })}
        />
      </ListCard>
      {service.rating === null ? <ServiceRating serviceId={service.id} idPrefix={`my-service-${service.id}-rating`} /> : null}
    </View>
  );
}

function MyServices() {
  const { state, retry } = useResource('me', () => getMyServices());
  if (state.status === 'error')
    return (
      <ErrorStateView
        id="my-services-error"
        title={t('services.error')}
        error={state.error}
        actions={[{ id: 'my-services-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  if (state.status !== 'ready') return <StateView id="my-services-loading" kind="loading" title={t('services.loading')} />;
  if (!state.value.items.length) return <StateView id="my-services-empty" kind="empty" title={t('services.empty')} />;
  return (
    <View id="my-services-list">
      {state.value.items.map((service) => (
        <ServiceItem key={service.id} service={service} />
      ))}
    </View>
  );
}

/** 我的服务评价 (from "me"): the services the station did for the caller or their household, each rated 1-5 once. */
export default function MyServicesPage() {
  useNavTitle(t('services.title'));
  return (
    <View id="my-services-page" style={pageStyle} className="page">
      <RoleGate roles={['villager', 'buyer', 'expert']} title="services.title" signInPrompt="services.signIn" deniedText="services.signIn">
        {() => <MyServices />}
      </RoleGate>
    </View>
  );
}
