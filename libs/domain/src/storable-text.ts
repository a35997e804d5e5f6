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

/** A text that cannot be stored, where it is in a value and what is wrong with it. */
export interface UnstorableText {
  path: string;
  problem: string;
}

/**
 * Every text in a parsed JSON value (keys included) that cannot be stored,
 * each with its path below `root` (`body.measures.0.name`), in document order.
 */
export function unstorableTexts(value: unknown, root = ''): UnstorableText[] {
  const found: UnstorableText[] = [];
  // Iterative, in document order: a hostile document nested thousands deep must not overflow the stack here.
  const pending: Array<{ value: unknown; path: string; parentPath?: string; key?: string }> = [{ value, path: root }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const keyProblem = current.key === undefined ? null : textProblem(current.key);
    if (keyProblem) {
      // The key itself cannot be printed safely: name where it is and what it holds.
      found.push({ path: current.parentPath || '(value)', problem: `has a key that ${keyProblem}` });
    } else if (typeof current.value === 'string') {
      const problem = textProblem(current.value);
      if (problem) found.push({ path: current.path || '(value)', problem });
    } else if (typeof current.value === 'object' && current.value !== null && !ArrayBuffer.isView(current.value)) {
      // Bytes (an upload) are no text: the reader of the file checks the text it finds there.
      const entries = Object.entries(current.value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index];
        pending.push({ value: child, path: current.path ? `${current.path}.${key}` : key, parentPath: current.path, key });
      }
    }
  }
  return found;
}

/** The first text in a parsed JSON value that cannot be stored, or null. */
export function findUnstorableText(value: unknown, root = ''): UnstorableText | null {
  return unstorableTexts(value, root)[0] ?? null;
}

/**
 * Text from outside that is kept only for people to read (a server's answer,
 * a failure's reason), made storable rather than refused: NUL characters
 * dropped, lone surrogates made U+FFFD, and cut to `maxLength` UTF-16 units
 * without splitting a character in two.
 */
export function storableText(text: string, maxLength: number): string {
  const clean = text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
