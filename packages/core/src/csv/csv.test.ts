import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+39 02 1234', `'+39 02 1234`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('neutralises %j so a spreadsheet shows it as text', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(csvCell('Giulia Rossi')).toBe('Giulia Rossi');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.75)).toBe('0.75');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('quotes delimiters, quotes and line breaks, and ends every line with CRLF', () => {
    const text = toCsv([
      ['name', 'note'],
      ['Rossi, Giulia', 'said "yes"\nthen left'],
    ]);
    expect(text).toBe('name,note\r\n"Rossi, Giulia","said ""yes""\nthen left"\r\n');
  });

  it('writes semicolon files with a BOM for Italian spreadsheets, quoting semicolons but not commas', () => {
    const text = toCsv(
      [
        ['nome', 'città'],
        ['Ferri; Chiara', 'Milano, IT'],
      ],
      { delimiter: ';', bom: true },
    );
    expect(text).toBe('\uFEFFnome;città\r\n"Ferri; Chiara";Milano, IT\r\n');
  });

  it('quotes a neutralised cell that also needs quoting', () => {
    expect(toCsv([['=1,2']])).toBe(`"'=1,2"\r\n`);
  });
});
