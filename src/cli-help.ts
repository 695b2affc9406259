// The text `--help` adds after the options: examples, the files written and the exit codes.

export const EXIT_CODES = `Exit codes:
  0    done: every input read (check: and no flag of severity error)
  1    extract --strict: some input could not be read (one line on stderr each, and errors.jsonl;
       without --strict such a run exits 0 once every input has its record or its error line)
       check: some flag of severity error
  2    a usage error, or (check) an input that could not be read
  130  stopped by Ctrl-C (143: SIGTERM); a rerun into the same folder finishes the job`;

export const OUTPUT_FILES = `Output files (in --out):
  <name>.json       one record per document (schema: juesuan schema)
  documents.jsonl   every record, one per line
  facts.csv         one row per fact (UTF-8 with BOM, opens in Excel)
  dataset.csv       one row per document, one column per canonical metric, amounts in 元
  flags.csv         one row per flag
  table_cells.csv   one row per numeric cell of every standard table (科目 code, row, column, value in 元)
  links.csv         pairs of documents of the batch compared with each other (a 预算 and its 决算, two years)
  documents.parquet, facts.parquet, table_cells.parquet, flags.parquet   the CSVs as Parquet (typed columns)
  errors.jsonl      one line per input that could not be processed: path, code, message
  report.html       the watchdog report: overview, filters, each flag with its excerpt and page
  .juesuan/         resume state: a rerun skips the documents already done`;

export const MAIN_HELP = `
Examples:
  juesuan extract reports/ --out output/        records and batch files for every document under reports/
  juesuan extract scan.pdf --ocr force          OCR every page, even those with a text layer
  juesuan check report.pdf                      the watchdog view: one line per flag, nothing written
  juesuan check reports/ --out review/          the same, plus the records and review/report.html
  juesuan extract a.pdf --json - | jq .summary  records on stdout, for pipes

${OUTPUT_FILES}

${EXIT_CODES}
`;

export const EXTRACT_HELP = `
Examples:
  juesuan extract reports/ --out output/        walk reports/ recursively, one record per document
  juesuan extract 'scraped/**/*.pdf' --concurrency 2
  juesuan extract a.pdf --json - | jq .summary  records as JSON Lines on stdout; no folder written
  juesuan extract reports/ --shard 0/4 --out part0/   one of four machines (then: juesuan merge)



${OUTPUT_FILES}

${EXIT_CODES}
`;

export const CHECK_HELP = `
Each flag is one line, sorted by place (flags about the whole document first):
  file:page:line severity CODE message      (file:¶paragraph:line for DOCX, file:-:- for the whole document)
then one summary line. Severities: error, warning, info. Codes and rules: docs/flags.md.

Examples:
  juesuan check report.pdf                      print the flags; write no files
  juesuan check reports/ --out review/          also write the records, batch files and review/report.html
  juesuan check report.pdf --json | jq -r .code

${EXIT_CODES}
`;
