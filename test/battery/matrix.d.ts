export interface MatrixEntry {
  tag: string;
  state: string;
  create(): Element;
  settle?(el: Element): Promise<void> | void;
}
export function h(tag: string, attrs?: Record<string, string>, props?: Record<string, unknown>, ...children: Array<Node | string>): HTMLElement;
export const MATRIX: MatrixEntry[];
export function available(): MatrixEntry[];
export function wait(ms: number): Promise<void>;
