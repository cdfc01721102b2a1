import type { FunctionName } from '../../shared';
import type { Handler } from './invoke';
import { handler as admin } from '../../functions/handlers/admin';
import { handler as auth } from '../../functions/handlers/auth';
import { handler as feeds } from '../../functions/handlers/feeds';
import { handler as fallback } from '../../functions/handlers/not-found';
import { handler as market } from '../../functions/handlers/market';
import { handler as notify } from '../../functions/handlers/notify';
import { handler as payments } from '../../functions/handlers/payments';
import { handler as prices } from '../../functions/handlers/prices';
import { handler as questions } from '../../functions/handlers/questions';
import { handler as regions } from '../../functions/handlers/regions';
import { handler as services } from '../../functions/handlers/services';
import { handler as stations } from '../../functions/handlers/stations';
import { handler as system } from '../../functions/handlers/system';
import { handler as training } from '../../functions/handlers/training';

/** The real Lambda handler of each function of serverless.yml. */
export const handlers: Record<FunctionName, Handler> = {
  admin,
  auth,
  fallback,
  feeds,
  market,
  notify,
  payments,
  prices,
  questions,
  regions,
  services,
  stations,
  system,
  training,
};
