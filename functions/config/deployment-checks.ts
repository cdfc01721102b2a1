/**
 * Why a function must not serve: a deploy without a stage is a dev deploy (dev sign-in, the
 * repository's development secrets), so a deployed function checks what it is before its first
 * request. Each problem names a setting, never a secret's value.
 */
import {
  DEPLOYED_STAGES,
  isDeployedStage,
  isLocalStage,
  LOCAL_SECRET_DEFAULTS,
  LOCAL_STAGES,
  SECRET_ENV,
  type Secrets,
  type Settings,
} from './index';

/** The values of serverless.yml's local and test stages and the usual placeholders. */
const DEVELOPMENT_VALUES = new Set([
  ...Object.values(LOCAL_SECRET_DEFAULTS),
  'test-token-secret',
  'test-cursor-secret',
  'wx-test-app',
  'test-app-secret',
  'secret',
  'changeme',
  'change-me',
  '…',
]);

/** HMAC keys shorter than this are guessable by brute force. */
const MIN_SIGNING_SECRET_LENGTH = 32;

export interface DeploymentFacts {
  settings: Settings;
  /** Only for a deployed stage, once read. */
  secrets?: Secrets;
  env: NodeJS.ProcessEnv;
  /** `process.env.YINONG_DEV_LOGIN`, replaced at bundle time: "enabled" means the dev adapter is in this bundle. */
  devLoginCompiled: boolean;
}

/** Problems that refuse every request: settings a deployment must never run with. */
export function deploymentProblems({ settings, secrets, env, devLoginCompiled }: DeploymentFacts): string[] {
  const { stage } = settings;
  if (isLocalStage(stage)) {
    // serverless-offline sets IS_OFFLINE; the Lambda service sets AWS_EXECUTION_ENV. Both: a dev bundle deployed.
    const onLambda = (env.AWS_EXECUTION_ENV ?? '').startsWith('AWS_Lambda_') && env.IS_OFFLINE !== 'true';
    return onLambda ? [`stage ${stage} is a development stage and is running on AWS Lambda: deploy with --stage ${DEPLOYED_STAGES.join('|')}`] : [];
  }
  if (!isDeployedStage(stage)) {
    return [`stage ${stage} is not a known stage (deployed: ${DEPLOYED_STAGES.join(', ')}; local: ${LOCAL_STAGES.join(', ')})`];
  }
  const problems: string[] = [];
  if (devLoginCompiled) problems.push(`the dev login adapter is compiled into this bundle of stage ${stage}`);
  for (const [key, name] of Object.entries(SECRET_ENV)) {
    if (env[name]) problems.push(`${name} is set in the function environment: stage ${stage} reads ${key} from SECRETS_PARAMETER only`);
  }
  if (!settings.secretsParameter) problems.push(`SECRETS_PARAMETER is not set: stage ${stage} has nowhere to read its secrets from`);
  if (secrets) {
    for (const key of Object.keys(secrets) as Array<keyof Secrets>) {
      if (DEVELOPMENT_VALUES.has(secrets[key])) problems.push(`secret ${key} is a development default`);
    }
    for (const key of ['tokenSecret', 'cursorSecret'] as const) {
      if (secrets[key].length < MIN_SIGNING_SECRET_LENGTH) problems.push(`secret ${key} is shorter than ${MIN_SIGNING_SECRET_LENGTH} characters`);
    }
  }
  return problems;
}
