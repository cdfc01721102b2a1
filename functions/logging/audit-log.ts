import type { AuditSink } from '../domain/audit';
import { createLogger } from './logger';

/** Audit lines are JSON log lines marked `audit: true`, so a log filter (CloudWatch) can keep them apart. */
export const auditLog: AuditSink = (event) => createLogger({ audit: true }).info('audit', { ...event });
