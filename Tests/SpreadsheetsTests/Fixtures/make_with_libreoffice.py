"""Makes cells.xlsx in LibreOffice Calc from nothing, as a person would type it, for the reader's
tests. Run with Debian's python3 (apt-get install libreoffice-calc python3-uno):

    /usr/bin/python3 make_with_libreoffice.py cells.xlsx

Sheet "Données ✓": A1 text, A2 3.5, A3 the formula =A2*2, A4 31 March 2025 typed as a date,
A5 the text 0123 (a number stored as text), A6 =TRUE(), A7 two lines in one cell, A8 left empty,
A9 the text "42" after an empty row. Sheet "Second": B2 the text "moved".
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


def main(target):
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=file:///tmp/qaf-lo-profile",
        "--accept=socket,host=localhost,port=2003;urp;",
    ])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            context = resolver.resolve("uno:socket,host=localhost,port=2003;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = document.Sheets
    first = sheets.getByIndex(0)
    first.Name = "Données ✓"
    first.getCellByPosition(0, 0).setString("Criterion & notes <1>")
    first.getCellByPosition(0, 1).setValue(3.5)
    first.getCellByPosition(0, 2).setFormula("=A2*2")
    day = first.getCellByPosition(0, 3)
    day.setValue(45747)
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    formats = document.NumberFormats
    key = formats.queryKey("YYYY-MM-DD", locale, False)
    if key == -1:
        key = formats.addNew("YYYY-MM-DD", locale)
    day.NumberFormat = key
    first.getCellByPosition(0, 4).setString("0123")
    first.getCellByPosition(0, 5).setFormula("=TRUE()")
    first.getCellByPosition(0, 6).setString("Line one\nline two")
    first.getCellByPosition(0, 8).setString("42")
    sheets.insertNewByName("Second", 1)
    sheets.getByName("Second").getCellByPosition(1, 1).setString("moved")
    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    document.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv[1])
