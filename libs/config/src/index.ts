export * from './config-error';
export * from './load-config';
export * from './service-config';
export * from './signing-keys';
export * from './feed-sources';
export * from './cluster-connections';
export * from './duration-setting';
