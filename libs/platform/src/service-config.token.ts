/** The injection token of the service's validated configuration. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
