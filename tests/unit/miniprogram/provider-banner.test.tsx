/** @jest-environment jsdom */
/**
 * A stage that pays with the sandbox says so on every payment screen and receipt (演示: not a real
 * payment), and a stage without a provider says payments are not open; a real provider shows nothing.
 */
import { render, waitFor } from '@testing-library/react';
import { resetStorage, setRouterParams } from '../../stubs/taro';
import OfficerPage from '../../../miniprogram/src/packages/officer/pages/index/index';
import WorkbenchPage from '../../../miniprogram/src/packages/officer/pages/payments/index';
import PayPage from '../../../miniprogram/src/packages/officer/pages/pay/index';
import ReceiptPage from '../../../miniprogram/src/packages/receipt/pages/index/index';
import LedgerPage from '../../../miniprogram/src/packages/officer/pages/ledger/index';
import ClosesPage from '../../../miniprogram/src/packages/officer/pages/closes/index';
import HouseholdsPage from '../../../miniprogram/src/packages/officer/pages/households/index';
import type { BillProviderMode } from '../../../shared/schemas/payments';
import { saveSession } from '../../../miniprogram/src/services/session';
import { billTypes, ledgerOf, loginAnswer, officerMe, paymentOf, villagerMe } from './fixtures';
import { byId, exists, ok, routes } from './page-helpers';

const stationId = officerMe.station!.id;

function stage(mode: BillProviderMode) {
  routes({
    'GET /me': ok(officerMe),
    'GET /bill-types': ok({ ...billTypes, provider: { mode } }),
    [`GET /stations/${stationId}/ledger`]: ok(ledgerOf()),
    [`GET /stations/${stationId}/payments`]: ok({ items: [], nextCursor: null }),
    [`GET /stations/${stationId}/reconciliations`]: ok({ items: [], nextCursor: null }),
    [`GET /stations/${stationId}/households`]: ok({ items: [], nextCursor: null }),
  });
}

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetStorage();
  saveSession(loginAnswer({ role: 'officer' }));
});

afterEach(() => {
  jest.restoreAllMocks();
  setRouterParams({});
});

describe('the sandbox banner (local stage)', () => {
  it.each([
    ['officer workspace', OfficerPage, 'officer-provider'],
    ['payments workbench', WorkbenchPage, 'workbench-provider'],
    ['new payment', PayPage, 'pay-provider'],
    ['ledger', LedgerPage, 'ledger-provider'],
    ['closed days', ClosesPage, 'closes-provider'],
    ['households', HouseholdsPage, 'households-provider'],
  ])('is on the %s', async (_name, Page, bannerId) => {
    stage('sandbox');
    render(<Page />);
    await waitFor(() => byId(bannerId));
    expect(byId(bannerId).textContent).toContain('演示');
    expect(byId(bannerId).textContent).toContain('不是真实缴费');
  });

  it('is on the receipt of a sandbox payment, for the villager too, and absent from a real one', async () => {
    saveSession(loginAnswer({ role: 'villager' }));
    setRouterParams({ id: paymentOf().id });
    routes({ 'GET /me': ok(villagerMe), [`GET /payments/${paymentOf().id}`]: ok(paymentOf({ sandbox: true })) });
    const sandboxReceipt = render(<ReceiptPage />);
    await waitFor(() => byId('receipt'));
    expect(byId('receipt-sandbox').textContent).toBe('演示演示凭证，不是真实缴费：这笔费用没有付给缴费单位。');
    sandboxReceipt.unmount();

    jest.restoreAllMocks();
    routes({ 'GET /me': ok(villagerMe), [`GET /payments/${paymentOf().id}`]: ok(paymentOf({ sandbox: false })) });
    render(<ReceiptPage />);
    await waitFor(() => byId('receipt'));
    expect(exists('receipt-sandbox')).toBe(false);
  });

  it('says payments are not open where the stage has no provider (prod refuses the sandbox)', async () => {
    stage('none');
    render(<WorkbenchPage />);
    await waitFor(() => byId('workbench-provider'));
    expect(byId('workbench-provider').textContent).toContain('代缴暂未开通');
    expect(byId('workbench-provider').textContent).not.toContain('演示');
  });

  it('shows no payment form where the stage has no provider, only the banner', async () => {
    stage('none');
    render(<PayPage />);
    await waitFor(() => byId('pay-provider'));
    expect(byId('pay-provider').textContent).toContain('代缴暂未开通');
    expect(exists('pay-payer')).toBe(false);
  });
});
