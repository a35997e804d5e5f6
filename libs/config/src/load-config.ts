import { z } from 'zod';
import { isSecretSetting } from './cluster-connections';
import { ConfigError } from './config-error';

type Environment = Record<string, string | undefined>;

/** Parses the environment with a schema; throws a ConfigError naming each bad setting. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Environment): z.infer<S> {
  // A plain copy: process.env is an exotic object, which zod cannot merge across the intersections
  // the services' schemas are made of once one part has refused a setting ("Unmergable intersection").
  const result = schema.safeParse({ ...env });
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const setting = issue.path.length ? issue.path.join('.') : 'configuration';
    const value = issue.path.length === 1 ? env[String(issue.path[0])] : undefined;
    // A refused password is still a password: say that it is set, never what it is.
    const shown = value === undefined ? 'is not set' : isSecretSetting(setting) ? 'is set; its value is not shown' : `is '${value}'`;
    return `${setting}: ${issue.message} (${setting} ${shown})`;
  });
  throw new ConfigError(problems);
}

/**
 * Loads the configuration at process start. A process with a bad setting must
 * not half-start, so it prints what is wrong and exits.
 */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, env: Environment = process.env): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
