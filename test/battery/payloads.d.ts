export const PAYLOADS: string[];
export function installHitCounter(): number[];
export function injectedNodes(root: ParentNode): string[];
