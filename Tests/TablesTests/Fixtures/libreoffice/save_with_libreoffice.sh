#!/usr/bin/env bash
# Opens tables the package exported in LibreOffice Calc and saves them again as CSV, as a user who
# edits them in Calc would (Debian: apt-get install libreoffice-calc). The tables are the test
# partnership's, written by the test that reads these fixtures:
#
#   mkdir -p /tmp/mini-tables
#   QAF_WRITE_TABLES=/tmp/mini-tables swift test --filter tablesSavedAgainByLibreOfficeCalcChangeNothing
#   Tests/TablesTests/Fixtures/libreoffice/save_with_libreoffice.sh /tmp/mini-tables
#
# Calc reads each file as UTF-8 CSV in the United Kingdom's locale (2057), recognising numbers and
# days as a person opening the file would, and writes it back with its own quoting.
set -euo pipefail
source=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
for table in domain.agency.csv domain.meeting.csv audit.case-return.csv learning.action.csv; do
    cp "$source/$table" "$work/$table"
    soffice --headless -env:UserInstallation=file:///tmp/qaf-lo-profile \
        --infilter="CSV:44,34,76,1,,2057" \
        --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,2057" \
        --outdir "$work/out" "$work/$table" >/dev/null 2>&1
    cp "$work/out/$table" "$here/$table"
done
rm -rf "$work"
