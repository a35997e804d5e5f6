/** Where the Temporal frontend is and how to reach it: plain, TLS, mutual TLS, or Temporal Cloud's API key. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

/** The connection options both the client and the native worker connection take. */
export function temporalConnectionOptions(settings: TemporalSettings) {
  return {
    address: settings.address,
    tls: settings.tls,
    ...(settings.apiKey
      ? // Temporal Cloud routes an API-key call by this header when the address is a regional endpoint.
        { apiKey: settings.apiKey, metadata: { 'temporal-namespace': settings.namespace } }
      : {}),
  };
}
