#!/usr/bin/env python3
"""Checks HTML reports against WCAG 2.2 AA with axe-core in headless Chromium.

usage: Scripts/axe.py REPORT.html [REPORT.html ...]

Needs Debian's chromium and chromium-driver, Selenium (PyPI) and axe-core's script, which ships
inside the PyPI package axe-playwright-python: Scripts/axe.sh installs what is missing and runs this.
Prints each violation with the rule, its impact and the first nodes it was found on; exits 1 when
any report has a violation.
"""
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def main(paths, axe_script):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    script = pathlib.Path(axe_script).read_text()
    failed = False
    try:
        for path in paths:
            driver.get(pathlib.Path(path).resolve().as_uri())
            driver.execute_script(script)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                ".then(r => done(JSON.stringify(r))).catch(e => done(JSON.stringify({error: String(e)})));"
            )
            report = json.loads(result)
            if "error" in report:
                print(f"{path}: axe failed: {report['error']}")
                failed = True
                continue
            violations = report["violations"]
            print(f"{path}: {len(violations)} violations, {len(report['passes'])} rules passed")
            for violation in violations:
                failed = True
                nodes = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                print(f"  {violation['id']} ({violation['impact']}): {violation['help']}; on {len(violation['nodes'])} nodes, such as {nodes}")
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(64)
    sys.exit(main(sys.argv[2:], sys.argv[1]))
