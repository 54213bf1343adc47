// qrcode 1.5.4 ships no types; only the call the API makes is declared.
declare module 'qrcode' {
  export function toString(
    text: string,
    options: { type: 'svg'; margin?: number; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): Promise<string>;
}
