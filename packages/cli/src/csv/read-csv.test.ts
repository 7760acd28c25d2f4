import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../exit-codes.js';
import { detectDelimiter, readCsv } from './read-csv.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading what HR tools export', () => {
  it('gives each record the physical line it starts on, past quoted newlines, blank lines and empty rows', () => {
    const table = readCsv(
      bytes(
        '\uFEFFname;note\r\nAnna;"two\r\nlines"\r\n\r\nLuca;"three\nshort\nlines"\n;;\nSara;"à ""quoted"" ; cell"\n',
      ),
    );
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['name', 'note']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Anna', 'two\r\nlines'] },
      { line: 5, cells: ['Luca', 'three\nshort\nlines'] },
      { line: 9, cells: ['Sara', 'à "quoted" ; cell'] },
    ]);
  });

  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('email,"Nome; Cognome",reparto\nx;y;z;w')).toBe(',');
    expect(detectDelimiter('email;nome;"a,b,c"\n')).toBe(';');
    expect(readCsv(bytes('a,b\n"1;2",3\n')).rows[0]?.cells).toEqual(['1;2', '3']);
  });

  it('refuses a file that is not UTF-8, or an unclosed quote, saying what to do', () => {
    const latin1 = Uint8Array.from([
      0x6e, 0x6f, 0x6d, 0x65, 0x0a, 0x4e, 0x69, 0x63, 0x63, 0x6f, 0x6c, 0xf2, 0x0a,
    ]);
    const refusal = (input: Uint8Array) => {
      try {
        readCsv(input);
      } catch (error) {
        return error;
      }
    };
    expect(refusal(latin1)).toMatchObject({
      exitCode: EXIT.refused,
      message: expect.stringContaining('CSV UTF-8'),
    });
    expect(refusal(bytes('a,b\n1,"open\n'))).toBeInstanceOf(CliError);
    expect(refusal(bytes('\uFEFF\r\n'))).toMatchObject({ message: expect.stringContaining('empty') });
  });
});
