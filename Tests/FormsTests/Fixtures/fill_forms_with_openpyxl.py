"""Fills the case-return and action-plan forms with openpyxl (PyPI: pip install openpyxl==3.1.5),
as a partner's own tool would, and saves them as .xlsx.

    mkdir -p /tmp/templates
    QAF_WRITE_FORM_TEMPLATES=/tmp/templates swift test --filter OtherFormsTests
    python3 fill_forms_with_openpyxl.py /tmp/templates .

Case returns: every section graded "good" (the scale's code, in lower case) with a rationale, every
question answered "yes", good practice written on each case sheet, the sheets' order reversed.
Action plan: the first action reported "On track" with an update, the second "Completed" with no
evidence (so it is completed, not completed and evidenced); the version column stored as text.
"""
import os
import sys

import openpyxl


def case_returns(source, target):
    workbook = openpyxl.load_workbook(source)
    for sheet in workbook.worksheets:
        if not sheet.title.startswith("Case "):
            continue
        for row in range(2, sheet.max_row + 1):
            part = sheet.cell(row=row, column=1).value
            code = sheet.cell(row=row, column=2).value
            if part == "Section":
                sheet.cell(row=row, column=4, value="good")
                sheet.cell(row=row, column=5, value="The chronology shows it.")
            elif part == "Question":
                sheet.cell(row=row, column=4, value="yes")
            elif part == "Summary" and code == "good-practice":
                sheet.cell(row=row, column=4, value="Timely strategy discussion.")
    workbook._sheets.reverse()
    workbook.save(target)


def action_plan(source, target):
    workbook = openpyxl.load_workbook(source)
    sheet = workbook["Your actions"]
    sheet.cell(row=2, column=7, value="On track")
    sheet.cell(row=2, column=8, value="Half the teams trained.")
    sheet.cell(row=3, column=7, value="Completed")
    sheet.cell(row=3, column=8, value="Done at the May board.")
    for row in range(2, sheet.max_row + 1):
        value = sheet.cell(row=row, column=10).value
        sheet.cell(row=row, column=10, value=str(value))
    workbook.save(target)


if __name__ == "__main__":
    templates, out = sys.argv[1], sys.argv[2]
    case_returns(os.path.join(templates, "case-returns-template.xlsx"), os.path.join(out, "case-returns-openpyxl.xlsx"))
    action_plan(os.path.join(templates, "action-plan-template.xlsx"), os.path.join(out, "action-plan-openpyxl.xlsx"))
