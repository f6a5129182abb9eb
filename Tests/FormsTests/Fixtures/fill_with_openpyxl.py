"""Fills a Section 11 return template with openpyxl (PyPI: pip install openpyxl==3.1.5), as a
partner's own tool would, and saves it as .xlsx.

    QAF_WRITE_FORM_TEMPLATE=/tmp/police-template.xlsx swift test --filter Section11FormTests
    python3 fill_with_openpyxl.py /tmp/police-template.xlsx police-return-openpyxl.xlsx

It rates every criterion by the scale's codes in lower case ("green", one "red"), gives the red
criterion an action due on a date (a datetime, which openpyxl stores as a serial number with a date
format), stores the form's version as text, leaves "Ready to submit" at No (a draft), and moves
the About sheet first. openpyxl writes shared strings and its own styles.
"""
import datetime
import sys

import openpyxl


def main(source, target):
    workbook = openpyxl.load_workbook(source)
    answers = workbook["Your return"]
    for row in range(2, answers.max_row + 1):
        red = row == 5
        answers.cell(row=row, column=4, value="red" if red else "green")
        answers.cell(row=row, column=5, value=f"Reviewed at the safeguarding board (row {row}).")
        if red:
            answers.cell(row=row, column=7, value="No named lead for the night shift.")
            answers.cell(row=row, column=8, value="Name a night-shift lead")
            answers.cell(row=row, column=9, value="Chief Inspector, response")
            answers.cell(row=row, column=10, value=datetime.datetime(2026, 10, 15))
    about = workbook["About this form"]
    for row in range(1, about.max_row + 1):
        if about.cell(row=row, column=1).value == "Form version":
            about.cell(row=row, column=2, value="1")
    workbook.move_sheet("About this form", offset=-1)
    workbook.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
