import { AppError } from './errors';

/**
 * The audit trail of money actions: one structured line per payment, void or day close, whatever
 * its outcome, naming who did it where. The domain says what happened; functions/logging writes it.
 */
export type AuditAction = 'payment.create' | 'payment.void' | 'day.close';

export interface AuditEvent {
  action: AuditAction;
  callerId: string;
  stationId: string;
  paymentId?: string;
  /** A close is the station's business day: `<stationId>#<date>`. */
  closeId?: string;
  amountFen?: number;
  /** The payment's status, CLOSED, or the error code that refused the action. */
  outcome: string;
}

export type AuditSink = (event: AuditEvent) => void;

/**
 * Runs a money action and leaves one audit line either way: what `describe` reads off its result,
 * or the code of the error that refused it (INTERNAL for an unexpected one). The action's own
 * result or error passes through untouched.
 */
export async function audited<T>(
  sink: AuditSink | undefined,
  base: Omit<AuditEvent, 'outcome'>,
  work: () => Promise<T>,
  describe: (result: T) => Partial<AuditEvent> & { outcome: string },
): Promise<T> {
  try {
    const result = await work();
    sink?.({ ...base, ...describe(result) });
    return result;
  } catch (error) {
    sink?.({ ...base, outcome: error instanceof AppError ? error.code : 'INTERNAL' });
    throw error;
  }
}
