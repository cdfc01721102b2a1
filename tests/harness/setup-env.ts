// Runs in every test worker before each test file: point the code under test at the test stack.
process.env.STAGE = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.CURSOR_SECRET = 'test-cursor-secret';
process.env.TOKEN_SECRET = 'test-token-secret';
// In-process handlers behave like the test stage's bundles, which compile the dev login in.
process.env.YINONG_DEV_LOGIN = 'enabled';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_REGION ??= 'cn-northwest-1';
if (process.env.TEST_DYNAMODB_ENDPOINT) process.env.DYNAMODB_ENDPOINT = process.env.TEST_DYNAMODB_ENDPOINT;
process.env.TABLE_NAME = process.env.TEST_SEEDED_TABLE ?? 'yinong-test';
if (process.env.TEST_S3_ENDPOINT) process.env.S3_ENDPOINT = process.env.TEST_S3_ENDPOINT;
if (process.env.TEST_S3_PUBLIC_URL) process.env.S3_PUBLIC_URL = process.env.TEST_S3_PUBLIC_URL;
process.env.UPLOADS_BUCKET = process.env.TEST_UPLOADS_BUCKET ?? 'yinong-local-uploads';
