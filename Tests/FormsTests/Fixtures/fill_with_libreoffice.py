"""Fills a form the package wrote in LibreOffice Calc, as a person would, and saves it as .xlsx.

Run with Debian's python3 (which has LibreOffice's uno module: apt-get install libreoffice-calc
python3-uno) on the templates the tests write:

    QAF_WRITE_FORM_TEMPLATE=/tmp/police-template.xlsx swift test --filter Section11FormTests
    /usr/bin/python3 fill_with_libreoffice.py section11 /tmp/police-template.xlsx police-return-libreoffice.xlsx
    mkdir -p /tmp/templates
    QAF_WRITE_FORM_TEMPLATES=/tmp/templates swift test --filter OtherFormsTests
    /usr/bin/python3 fill_with_libreoffice.py register /tmp/templates/register-template.xlsx register-libreoffice.xlsx

Section 11: it rates every criterion (two of them Amber, with an area for improvement and an action whose due
day is typed as a date), writes narratives and evidence (two items on two lines), sets "Ready to
submit" to Yes, renames the answers sheet and moves the About sheet first: all as a person would in
Calc. LibreOffice writes shared strings, its own styles and real date serial numbers.

Register: the first agency marked as not attending, the second by a formula =TRUE() (LibreOffice
stores the formula with its last result, a true-or-false cell), the rest Yes.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(kind, source, target):
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=file:///tmp/qaf-lo-profile",
        "--accept=socket,host=localhost,port=2002;urp;",
    ])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
    if kind == "register":
        fill_register(document)
    else:
        fill_section11(document)
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    document.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)


def fill_register(document):
    register = document.Sheets.getByName("Register")
    cursor = register.createCursor()
    cursor.gotoEndOfUsedArea(False)
    for row in range(1, cursor.RangeAddress.EndRow + 1):
        cell = register.getCellByPosition(3, row)
        if row == 1:
            cell.setString("No")
        elif row == 2:
            cell.setFormula("=TRUE()")
        else:
            cell.setString("Yes")


def fill_section11(document):
    sheets = document.Sheets
    answers = sheets.getByName("Your return")
    cursor = answers.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.RangeAddress.EndRow
    formats = document.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    date_format = formats.queryKey("DD/MM/YYYY", locale, False)
    if date_format == -1:
        date_format = formats.addNew("DD/MM/YYYY", locale)
    for row in range(1, last + 1):
        amber = row in (3, 7)
        answers.getCellByPosition(3, row).setString("Amber" if amber else "Green")
        answers.getCellByPosition(4, row).setString(f"Criterion met; checked by the safeguarding lead (row {row + 1}).")
        answers.getCellByPosition(5, row).setString("Safeguarding policy 2026\nTraining record")
        if amber:
            answers.getCellByPosition(6, row).setString("Not every team has had the training.")
            answers.getCellByPosition(7, row).setString("Train the remaining teams")
            answers.getCellByPosition(8, row).setString("Head of public protection")
            due = answers.getCellByPosition(9, row)
            # 30 September 2026, as a date: LibreOffice stores the day's serial number.
            due.setValue(46295)
            due.NumberFormat = date_format
    about = sheets.getByName("About this form")
    for row in range(0, 60):
        if about.getCellByPosition(0, row).getString() == "Ready to submit":
            about.getCellByPosition(1, row).setString("Yes")
    answers.Name = "Police return"
    sheets.moveByName("About this form", 0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
