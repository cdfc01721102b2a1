/**
 * Escalates unanswered questions (domain/questions/question-read.ts escalateDue): every 15 minutes in
 * a deployed stage; `npm start` relies on the inbox's own check. Idempotent: runs may overlap.
 */
import { ensureReady, StartupRefusedError } from '../config/ready';
import { dynamoQuestionRepository } from '../data/questions-repository';
import { escalateDue } from '../domain/questions/question-read';
import { createLogger } from '../logging/logger';

/** Qinghai: the one province this deployment serves. */
const PROVINCES = ['63'];
/** Batches of 25 per run: far more than a quarter hour's questions. */
const BATCHES = 40;

export async function runEscalation(now?: () => Date): Promise<number> {
  let moved = 0;
  for (const province of PROVINCES) moved += await escalateDue({ questions: dynamoQuestionRepository, now }, province, BATCHES);
  return moved;
}

export const handler = async (): Promise<{ escalated: number }> => {
  const log = createLogger({ function: 'questionEscalator' });
  await ensureReady(log).catch((error: Error) => {
    log.error(error instanceof StartupRefusedError ? 'startup refused' : 'escalator could not start', { error: error.message });
    throw error;
  });
  const escalated = await runEscalation();
  log.info('questions escalated', { escalated });
  return { escalated };
};
