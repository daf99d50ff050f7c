export * from './city';
export * from './send';
