// One IAM role per function (serverless.yml `resources`), each with only what that function uses.
// A shared role would let the public read functions write, and every function invoke the notifier
// or touch the feed images. serverless.yml names the role of each function (`role: <Name>LambdaRole`);
// tests/integration/deploy-template.test.ts checks the packaged template against this table.

/** What each function may do. `tableRead`: get and query; `tableWrite`: also put, update, delete, condition checks. */
const ACCESS = {
  // Health (one GetItem) and the OpenAPI document: public reads, never a write.
  system: ['tableRead', 'secrets'],
  // Answers 404 to every unmatched request: reads nothing.
  fallback: ['secrets'],
  auth: ['tableWrite', 'secrets'],
  admin: ['tableWrite', 'secrets'],
  payments: ['tableWrite', 'secrets'],
  settler: ['tableWrite', 'secrets'],
  regions: ['tableWrite', 'secrets'],
  stations: ['tableWrite', 'secrets'],
  // Publishing an alert wakes the notifier (asynchronous invoke); feed images are presigned here.
  feeds: ['tableWrite', 'secrets', 'images', 'invokeNotifier'],
  notify: ['tableWrite', 'secrets'],
  notifier: ['tableWrite', 'secrets'],
  prices: ['tableWrite', 'secrets'],
  questions: ['tableWrite', 'secrets', 'images'],
  questionEscalator: ['tableWrite', 'secrets'],
  market: ['tableWrite', 'secrets', 'images'],
  orderReleaser: ['tableWrite', 'secrets'],
  paymentRecoverer: ['tableWrite', 'secrets'],
  // The service ledger (consultations, ratings, the officer's month, supervision) and its roll-up job.
  services: ['tableWrite', 'secrets'],
  serviceRollup: ['tableWrite', 'secrets'],
  // Training sessions: schedules, sign-ups, check-ins (public reads of a station's sessions live here too).
  training: ['tableWrite', 'secrets'],
};

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];

const pascal = (name) => name[0].toUpperCase() + name.slice(1);
const roleName = (fn) => `${pascal(fn)}LambdaRole`;
const arn = (service, resource) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', ...resource]],
});

function statementsFor(fn, { service, stage, secretsParameter }) {
  const access = ACCESS[fn];
  // Its own log group only (serverless creates it with the retention of provider.logRetentionInDays).
  const statements = [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [arn('logs', [`log-group:/aws/lambda/${service}-${stage}-${fn}:*`])],
    },
  ];
  if (access.includes('tableRead') || access.includes('tableWrite')) {
    // This table and its indexes, no Scan anywhere.
    statements.push({
      Effect: 'Allow',
      Action: access.includes('tableWrite') ? [...TABLE_READ, ...TABLE_WRITE] : TABLE_READ,
      Resource: [{ 'Fn::GetAtt': ['YinongTable', 'Arn'] }, { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['YinongTable', 'Arn'] }, 'index', '*']] }],
    });
  }
  if (access.includes('invokeNotifier')) {
    statements.push({ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [arn('lambda', [`function:${service}-${stage}-notifier`])] });
  }
  if (access.includes('images')) {
    // Signs presigned POSTs (one key, its type and size range), reads a head and first bytes to check an
    // upload, deletes what fails the check, signs GETs for readers. No listing, no other prefix.
    statements.push({
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      Resource: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['UploadsBucket', 'Arn'] }, '/feed-images/*']] }],
    });
  }
  if (access.includes('secrets') && secretsParameter) {
    // The stage's one SecureString parameter (AWS-managed aws/ssm key), nothing else of SSM.
    statements.push({ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: [arn('ssm', [`parameter${secretsParameter}`])] });
  }
  return statements;
}

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  const secretsParameter = await resolveVariable('param:secretsParameter');
  const Resources = {};
  for (const fn of Object.keys(ACCESS)) {
    Resources[roleName(fn)] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
        Policies: [
          {
            PolicyName: `${service}-${stage}-${fn}`,
            PolicyDocument: { Version: '2012-10-17', Statement: statementsFor(fn, { service, stage, secretsParameter }) },
          },
        ],
      },
    };
  }
  return { Resources };
};

module.exports.ACCESS = ACCESS;
module.exports.roleName = roleName;
