// Letters that write a currency right before a figure: ISO codes ("EUR 5m", "USD500") and local prefixes ("Rs500",
// "RM2bn", "KSh 1.2 billion"). The names extractor reads them as part of a sum, never as a name.
import currencyData from './lexicon/currencies.json' with { type: 'json' };

export const CURRENCY_LETTERS: ReadonlySet<string> = new Set(
  [...currencyData.codes, ...Object.keys(currencyData.prefixAliases)].filter((p) => /^\p{L}{2,}$/u.test(p)),
);

const alternation = [...CURRENCY_LETTERS].sort((a, b) => b.length - a.length).join('|');

/**
 * A sum glued to its currency's letters, as one token: "Rs500", "KSh250", "RM2bn", "EUR5m", or behind a one-letter
 * currency, with a decimal or a scale ("R1.2", "R1.35bn", "R410m"); "A380" and "G7" stay names.
 */
export const LETTER_SUM = new RegExp(`^(?:(?:${alternation})\\d+(?:[.,]\\d+)?|\\p{Lu}\\d+[.,]\\d+)(?:bn|mn|m|k|tn)?$|^\\p{Lu}\\d+(?:bn|mn|m|k|tn)$`, 'u');
