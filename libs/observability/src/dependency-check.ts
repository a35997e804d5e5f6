/** One dependency that /health reports: it throws when the dependency is not usable. */
export interface DependencyCheck {
  name: string;
  check(): Promise<void>;
}

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
