/** What a person shows for a gate request or a completed milestone: a statement and links to proof. */
export interface Evidence {
  text: string;
  links: string[];
}

export function hasEvidence(evidence: Evidence | null | undefined): evidence is Evidence {
  return !!evidence && evidence.text.trim().length > 0;
}
