import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { errorText, t } from '../../../../i18n/staff';
import { isApiError } from '../../../../services/api-client';
import { issueSellerLinkCode } from '../../../../services/api-sell';
import { formatChinaTime } from '../../../../services/format';
import { requestNote } from '../../../../services/errors';

type State =
  | { status: 'idle' }
  | { status: 'issuing' }
  | { status: 'issued'; code: string; expiresAt: string }
  | { status: 'failed'; message: string; requestId?: string };

/**
 * 关联码 for a cooperative seller: a one-time 8-digit code (10 minutes) the officer reads out or shows
 * to the cooperative's contact, who enters it in 我的 to see its listings, sales and earnings. A new
 * code replaces nothing: each works once until it expires. (A household seller is linked through its
 * household's own link code instead.)
 */
export function SellerLinkCode({ sellerId }: { sellerId: string }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const issue = async () => {
    setState({ status: 'issuing' });
    try {
      const answer = await issueSellerLinkCode(sellerId);
      setState({ status: 'issued', code: answer.code, expiresAt: answer.expiresAt });
    } catch (error) {
      const code = isApiError(error) ? String(error.code) : 'NETWORK_ERROR';
      setState({
        status: 'failed',
        message: t('sell.linkCode.failed', { reason: errorText(code) }),
        requestId: isApiError(error) ? error.requestId : undefined,
      });
    }
  };
  return (
    <View id={`seller-${sellerId}-link`} className="seller-link">
      {state.status === 'issued' ? (
        <View className="seller-link__issued">
          <Text id={`seller-${sellerId}-link-code`} className="seller-link__code">
            {state.code.replace(/(\d{4})(\d{4})/, '$1 $2')}
          </Text>
          <Text className="seller-link__hint">{t('sell.linkCode.hint', { time: formatChinaTime(state.expiresAt).slice(11) })}</Text>
        </View>
      ) : null}
      {state.status === 'failed' ? (
        <Notice id={`seller-${sellerId}-link-error`} kind="error" text={state.message} note={requestNote(state.requestId)} />
      ) : null}
      <ActionButton
        id={`seller-${sellerId}-link-button`}
        kind="secondary"
        size="small"
        loading={state.status === 'issuing'}
        onClick={() => void issue()}
      >
        {state.status === 'issuing' ? t('sell.linkCode.issuing') : state.status === 'issued' ? t('sell.linkCode.again') : t('sell.linkCode.issue')}
      </ActionButton>
    </View>
  );
}
