/** The node and currency every portfolio report is asked for. */
export function nodeQuery(nodeId: string, currency: string): string {
  return `orgNodeId=${encodeURIComponent(nodeId)}&currency=${currency}`;
}
