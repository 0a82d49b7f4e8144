/** Number and date formatting shared by the panels, so every share and date reads the same way. */

export const percent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

export const count = (n: number): string => n.toLocaleString('en-US');

export const day = (iso: string): string => iso.slice(0, 10);
