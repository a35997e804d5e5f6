export interface TemporalSettings {
  address: string;
  namespace: string;
}
