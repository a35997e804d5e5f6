/**
 * Text that cannot be stored: PostgreSQL refuses a NUL character in text and
 * in JSON, and a lone UTF-16 surrogate is no character at all (it becomes
 * U+FFFD or an error on the way to the database). Every edge (HTTP, Kafka,
 * signals) refuses such text, so nothing inside retries forever on it.
 */
export function textProblem(text: string): string | null {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit === 0) return 'contains a NUL character';
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        continue;
      }
      return 'contains a lone UTF-16 surrogate';
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return 'contains a lone UTF-16 surrogate';
  }
  return null;
}

/** The first text in a parsed JSON value (keys included) that cannot be stored, with its path, or null. */
export function findUnstorableText(value: unknown, root = ''): { path: string; problem: string } | null {
  // Iterative: a hostile document nested thousands deep must not overflow the stack here.
  const pending: Array<[unknown, string]> = [[value, root]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: path || '(value)', problem };
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) pending.push([current[index], path ? `${path}.${index}` : String(index)]);
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index];
        const keyProblem = textProblem(key);
        if (keyProblem) return { path: path ? `${path}.(key)` : '(key)', problem: `a key ${keyProblem}` };
        pending.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}
