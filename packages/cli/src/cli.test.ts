import { readFile } from 'node:fs/promises';
import type { Person } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { type CliWorld, cliWorld } from './test-support/cli-world.js';

/**
 * An HR export from an Italian spreadsheet: a byte order mark, semicolons, Italian headers,
 * a column the import does not read (Matricola), a title with a line break in quotes (so
 * the records after it start one physical line later than their index), Luca reporting to
 * Anna in the same file, and Excel's trailing empty row. Line 5 is wrong twice.
 */
const BAD_PEOPLE =
  '\uFEFFNome;Cognome;E-mail;Reparto;Fase di carriera;Qualifica;Responsabile;Matricola\r\n' +
  'Anna;Verdi;anna.verdi@contoso.example;Finanza;dirigente;"CFO\r\nad interim";;001\r\n' +
  'Luca;Bianchi;luca.bianchi@contoso.example;IT;inizio carriera;Sviluppatore;anna.verdi@contoso.example;002\r\n' +
  'Sara;Neri;sara.neri(at)contoso.example;IT;junior;;;003\r\n' +
  ';;;;;;;\r\n';
const GOOD_PEOPLE = BAD_PEOPLE.replace('sara.neri(at)', 'sara.neri@').replace(
  ';junior;',
  ';inizio carriera;',
);

/** English headers, commas, one good row, one whose name would run as a formula, one bad row. */
const PARTIAL_PEOPLE = [
  'email,name,department,career stage,languages',
  'piero.fontana@contoso.example,Piero Fontana,Legal,executive,"it, en"',
  'ugo.formula@contoso.example,"=HYPERLINK(""https://evil.example"",""Ugo"")",Sales,senior,it',
  'nadia.sala@contoso.example,Nadia Sala,IT,early,klingon!',
  '',
].join('\n');

const ENROLLMENTS = [
  'email;ruolo;temi;capacità;disponibilità;stato',
  'anna.verdi@contoso.example;mentee;Sostenibilità, Alfabetizzazione climatica;;mon-am;accepted',
  'luca.bianchi@contoso.example;mentor;sustainability|carbon-literacy;2;mon-am, tue-pm;accepted',
  'ugo.formula@contoso.example;mentee;sustainability;;mon-am;accepted',
  '',
].join('\r\n');

// Each test starts the CLI as a process several times, a second or more each on a busy machine.
describe('rm-kit, run as its own process against the built server with a service token', {
  timeout: 60_000,
}, () => {
  let world: CliWorld;
  let greenLeaders: string;
  let digitalBridge: string;
  const people = async () => collect(world.client().people.list());
  const byEmail = async (email: string): Promise<Person | undefined> =>
    (await people()).find((person) => person.email === email);

  beforeAll(async () => {
    world = await cliWorld();
    const programs = (await world.client().programs.page()).items;
    greenLeaders = programs.find((program) => program.status === 'enrolling')?.id ?? '';
    digitalBridge = programs.find((program) => program.status === 'active')?.id ?? '';
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('refuses a semicolon file with a BOM, a quoted newline and one bad row, naming its line, and writes nothing', async () => {
    const before = (await people()).length;
    const file = await world.file('persone.csv', BAD_PEOPLE);
    const run = await world.run(['import', 'people', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('line 5, E-mail: Invalid email address');
    expect(run.stdout).toContain('line 5, Fase di carriera: Invalid option');
    expect(run.stdout).toContain('nothing was written');
    expect(run.stdout).not.toMatch(/line [234],/);
    expect(run.stderr).toContain('Columns not read: Matricola');
    expect((await people()).length).toBe(before);
    expect(await byEmail('anna.verdi@contoso.example')).toBeUndefined();
  });

  it('imports the same file fixed, the manager first, and a second run doubles nothing', async () => {
    const before = (await people()).length;
    const file = await world.file('persone.csv', GOOD_PEOPLE);
    const run = await world.run(['import', 'people', file]);
    expect(run.stdout).toContain('3 rows: 3 created, 0 updated, 0 already there.');
    expect(run.code).toBe(0);
    const anna = await byEmail('anna.verdi@contoso.example');
    const luca = await byEmail('luca.bianchi@contoso.example');
    expect(anna).toMatchObject({
      displayName: 'Anna Verdi',
      careerStage: 'executive',
      title: 'CFO\r\nad interim',
    });
    expect(luca).toMatchObject({ displayName: 'Luca Bianchi', careerStage: 'early', managerId: anna?.id });
    // The organisation's language, as no row gives one.
    expect(luca?.locale).toBe('it');

    const again = await world.run(['import', 'people', file, '--json']);
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as { written: { line: number; outcome: string }[] };
    expect(result.written).toEqual([
      expect.objectContaining({ line: 2, outcome: 'skipped' }),
      expect.objectContaining({ line: 4, outcome: 'skipped' }),
      expect.objectContaining({ line: 5, outcome: 'skipped' }),
    ]);
    expect((await people()).length).toBe(before + 3);
  });

  it('with --partial writes the good rows and lists the bad one; --update changes what the file says', async () => {
    const file = await world.file('people.csv', PARTIAL_PEOPLE);
    const run = await world.run(['import', 'people', file, '--partial']);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('line 4, languages (item 1): Use a BCP 47 language tag');
    expect(run.stdout).toContain('2 created, 0 updated, 0 already there; 1 row not written');
    expect(await byEmail('piero.fontana@contoso.example')).toMatchObject({ languages: ['it', 'en'] });
    expect(await byEmail('nadia.sala@contoso.example')).toBeUndefined();

    const fixed = await world.file(
      'people.csv',
      PARTIAL_PEOPLE.replace('Legal', 'Legal & Compliance').replace('klingon!', 'it'),
    );
    const update = await world.run(['import', 'people', fixed, '--update']);
    expect(update.stdout).toContain('3 rows: 1 created, 1 updated, 1 already there.');
    expect(update.code).toBe(0);
    expect(await byEmail('piero.fontana@contoso.example')).toMatchObject({
      department: 'Legal & Compliance',
    });
  });

  it('names the line the server refuses while writing and stops there, or goes on with --partial', async () => {
    // The schema takes any https photo; only the server knows the organisation's photo hosts.
    const file = await world.file(
      'photos.csv',
      [
        'email,name,department,career stage,photo',
        'olga.riva@contoso.example,Olga Riva,HR,mid,',
        'ivo.conti@contoso.example,Ivo Conti,HR,mid,https://photos.evil.example/ivo.jpg',
        'lia.monti@contoso.example,Lia Monti,HR,early,',
        '',
      ].join('\n'),
    );
    const stopped = await world.run(['import', 'people', file]);
    expect(stopped.code).toBe(4);
    expect(stopped.stdout).toMatch(/line 3, photo: .*photo hosts/);
    expect(stopped.stdout).toContain('Stopped at line 3, which the server refused: 1 created');
    expect(await byEmail('olga.riva@contoso.example')).toBeDefined();
    expect(await byEmail('lia.monti@contoso.example')).toBeUndefined();

    const partial = await world.run(['import', 'people', file, '--partial']);
    expect(partial.code).toBe(4);
    expect(partial.stdout).toContain('1 created, 0 updated, 1 already there; 1 row not written');
    expect(await byEmail('lia.monti@contoso.example')).toBeDefined();
    expect(await byEmail('ivo.conti@contoso.example')).toBeUndefined();
  });

  it('enrols people by email with Italian headers and topic labels, and refuses an unknown program', async () => {
    const file = await world.file('iscrizioni.csv', ENROLLMENTS);
    const run = await world.run(['import', 'enrollments', file, '--program', greenLeaders]);
    expect(run.stdout).toContain('3 rows: 3 created, 0 updated, 0 already there.');
    expect(run.code).toBe(0);
    const enrolled = await collect(world.client().enrollments.list(greenLeaders));
    const anna = await byEmail('anna.verdi@contoso.example');
    expect(enrolled.find((enrollment) => enrollment.personId === anna?.id)).toMatchObject({
      role: 'mentee',
      topics: ['sustainability', 'carbon-literacy'],
      status: 'accepted',
    });
    expect((await world.run(['import', 'enrollments', file, '--program', greenLeaders])).stdout).toContain(
      '0 created, 0 updated, 3 already there.',
    );
    const unknown = await world.run([
      'import',
      'enrollments',
      file,
      '--program',
      'prg_01M7PY4SM0TAKEYK3437ME4399',
    ]);
    expect(unknown.code).toBe(5);
  });

  it('prints the proposals with their reasons, publishes only when told, and the pairs export neutralises a formula', async () => {
    const shown = await world.run(['match', '--program', greenLeaders]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/1\. .+ \(mentor, junior\) with .+ \(mentee, senior\): score \d\.\d\d/);
    expect(shown.stdout).toMatch(/\n {3}- Offers/);
    expect(shown.stdout).toContain('Not published: run again with --publish');
    expect((await world.client().pairs.page({ programId: greenLeaders })).items).toEqual([]);

    const published = await world.run(['match', '--program', greenLeaders, '--publish', '--json']);
    expect(published.code).toBe(0);
    const result = JSON.parse(published.stdout) as { proposals: unknown[]; published: { items: unknown[] } };
    expect(result.published.items).toHaveLength(result.proposals.length);
    const pairs = (await world.client().pairs.page({ programId: greenLeaders, limit: 100 })).items;
    expect(pairs).toHaveLength(result.proposals.length);
    expect(pairs.every((pair) => pair.status === 'proposed')).toBe(true);

    const out = 'coppie.csv';
    const exported = await world.run([
      'export',
      'pairs',
      '--program',
      greenLeaders,
      '--delimiter',
      ';',
      '--bom',
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    const csv = await readFile(`${world.dir}/${out}`, 'utf8');
    expect(
      csv.startsWith('\uFEFFpairId;mentor (junior);mentorEmail;mentee (senior);menteeEmail;status'),
    ).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(pairs.length + 2);
    expect(csv).toContain(
      `;"'=HYPERLINK(""https://evil.example"",""Ugo"")";ugo.formula@contoso.example;proposed;`,
    );
  });

  it('exports the report with feedback only as released aggregates', async () => {
    const run = await world.run(['export', 'report', '--program', digitalBridge]);
    expect(run.code).toBe(0);
    const rows = run.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('figure,group,value');
    expect(rows).toContain('feedback.minGroupSize,,3');
    expect(rows.some((row) => /^pairs,active,\d+$/.test(row))).toBe(true);
  });

  it("exports each pair's sessions held, cancelled and planned, as the dashboard counts them", async () => {
    const run = await world.run(['export', 'sessions', '--program', digitalBridge, '--delimiter', ';']);
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\r\n');
    expect(header).toBe(
      'pairId;mentorName;menteeName;status;startedOn;sessionsHeld;sessionsCancelled;sessionsPlanned;lastHeldAt;cancelledInARow;atRisk;atRiskReasons',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes(';Giulia Rossi;Marco Rinaldi;active;'))).toBe(true);
  });

  it('ends with exit codes a script can branch on', async () => {
    expect((await world.run(['export', 'pairs'])).code).toBe(2);
    expect((await world.run(['import', 'people', 'missing.csv'])).code).toBe(2);
    expect((await world.run(['export', 'report', '--program', greenLeaders], { RMKIT_TOKEN: '' })).code).toBe(
      2,
    );
    const revoked = await world.run(['export', 'report', '--program', greenLeaders], {
      RMKIT_TOKEN: 'rmk_not-a-token',
    });
    expect(revoked.code).toBe(5);
    expect(revoked.stderr).toContain('The server refused');
    const help = await world.run(['import', 'people', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('fase di carriera');
  });
});
