const CONNECTION = `Connection (every command):
  --server <url>         the rm-kit server, e.g. https://mentoring.contoso.com (or RMKIT_URL)
  --token-file <file>    a file holding a service token (or RMKIT_TOKEN); never on the command
                         line, where other users of the machine can read it
  --json                 print the result as JSON, for scripts`;

const EXIT_CODES = `Exit codes:
  0  done (rows already there count as done)
  1  the server could not be reached or failed; running the same command again is safe
  2  wrong command line, or no server or token given
  3  the file was refused (unreadable, or at least one bad row): nothing was written
  4  part was written and part was not (--partial, or a row the server refused)
  5  the server refused the token or the operation, or the program does not exist`;

export const MAIN_HELP = `Usage: rm-kit <command> [options]

rm-kit for HR and operators: import people and enrolments from CSV, run matching,
export a program's figures. It talks to the server with a service token, through the
same API and rules as every other client.

Commands:
  import people <file.csv>                       add the people of an HR export
  import enrollments <file.csv> --program <id>   enrol people in a program
  match --program <id> [--publish]               show matching's proposals, then publish them
  export report|pairs|sessions --program <id>    a program's report, pairs or sessions as CSV

rm-kit <command> --help tells more about each.

${CONNECTION}

${EXIT_CODES}`;

const IMPORT_OPTIONS = `Options:
  --delimiter <, or ;>   the file's delimiter (default: detected from the header line)
  --partial              write the good rows even when some are bad, and list the bad ones
  --update               update what is already there from the file (default: skip it)`;

const IMPORT_FILES = `The file: UTF-8 with or without a byte order mark ("CSV UTF-8" in Excel), comma or
semicolon, a header line naming the columns in English or Italian (any case, accents and
spaces ignored), quoted fields may hold delimiters, quotes and line breaks. Columns the
import does not know are listed and left alone. Lists in a cell are separated by ",", ";"
or "|". Every row is checked before anything is written; a bad row is reported with the
line it starts on, its column and what is wrong, and then nothing is written (unless
--partial). Running the same file again writes nothing twice.`;

export const IMPORT_PEOPLE_HELP = `Usage: rm-kit import people <file.csv> [options]

Adds the people of an HR export to the organisation. Someone already there (the same email
or externalId) is skipped, or with --update has the file's columns written over what is
stored; a sign-in identity (email, externalId) is never changed by an import.

Columns (English | Italian), * required:
  email *          | email, e-mail, indirizzo email, posta elettronica
  displayName *    | nominativo, nome completo, nome e cognome   (or the two below)
  givenName        | nome          (with familyName: the display name is both joined;
  familyName       | cognome        "nome" alone is read as the whole name)
  department *     | reparto, dipartimento, funzione, area
  careerStage *    | fase di carriera: early|mid|senior|executive, or inizio carriera,
                     metà carriera, senior, dirigente
  title            | qualifica, mansione, posizione
  externalId       | id esterno: the identity provider's id (Entra ID object id)
  locale           | lingua interfaccia: en|it (default: the organisation's language)
  languages        | lingue: languages for sessions, e.g. "it, en"
  timeZone         | fuso orario: e.g. Europe/Rome (default UTC)
  managerEmail     | responsabile, email responsabile: the manager's email, on the server
                     or in the same file (managers are written first); matching never
                     pairs two people in one reporting line
  photoUrl         | foto: an https URL on a host the organisation allows
Admins are made by an admin in the app, never by an import.

${IMPORT_FILES}

${IMPORT_OPTIONS}

${CONNECTION}

${EXIT_CODES}`;

export const IMPORT_ENROLLMENTS_HELP = `Usage: rm-kit import enrollments <file.csv> --program <id> [options]

Enrols people already in the organisation in a program: the mentor is the junior who
teaches, the mentee the senior who learns. Someone already enrolled is skipped, or with
--update has the file's columns written over their enrolment (never their side).

Columns (English | Italian), * required:
  email *          | email, e-mail, indirizzo email   (or externalId | id esterno)
  role *           | ruolo: mentor (junior, teaches) or mentee (senior, learns)
  topics *         | temi, argomenti: topic keys or labels in English or Italian, e.g.
                     "ai-tools, Sostenibilità"; each one the program offers
  capacity         | capacità: pairs a mentor takes at once, 1-5 (a mentee: 1)
  motivation       | motivazione
  languages        | lingue: languages for sessions (default: the person's own)
  availability     | disponibilità: half days, e.g. "mon-am, wed-pm"
  status           | stato: applied (default), accepted, declined, withdrawn

${IMPORT_FILES}

${IMPORT_OPTIONS}
  --program <id>         the program (required)

${CONNECTION}

${EXIT_CODES}`;

export const MATCH_HELP = `Usage: rm-kit match --program <id> [--publish] [--locale en|it]

Prints what matching proposes for the program now, each pair with its score and reasons,
who is left out and why, and the pins that could not be kept. Then publishes every
proposal (each becomes a proposed pair, all or none): with --publish, or after a "y" at
the prompt when run at a terminal. Otherwise nothing is stored.

Options:
  --program <id>         the program (required)
  --publish              publish without asking
  --locale <en|it>       the language of the reasons (default en)

${CONNECTION}

${EXIT_CODES}`;

export const EXPORT_HELP = `Usage: rm-kit export report|pairs|sessions --program <id> [options]

Writes a program's figures as CSV. Cells a spreadsheet would run as a formula (starting
with =, +, -, @, a tab or a carriage return) are written with a leading apostrophe.
  report     the program's report flattened to "metric,value" rows; feedback only as
             the aggregates the server releases (a held-back figure has an empty value)
  pairs      the program's pairs: both names and emails, status, dates, match score
  sessions   per pair: sessions held, cancelled and planned, the last one held,
             cancellations in a row, at risk and why (the program dashboard's rows)

Options:
  --program <id>         the program (required)
  --out <file>           write there (default: standard output)
  --delimiter <, or ;>   ";" for spreadsheets set to Italian (default ",")
  --bom                  start with a byte order mark, so Excel reads accents as UTF-8

${CONNECTION}

${EXIT_CODES}`;
