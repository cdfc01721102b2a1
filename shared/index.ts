export * from './errors';
export * from './roles';
export * from './routes';
export * from './schemas/common';
export * from './schemas/regions';
export * from './schemas/stations';
export * from './schemas/accounts';
export * from './schemas/payments';
