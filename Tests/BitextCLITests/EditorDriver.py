"""Drives bitext's alignment editor page in real Chromium through WebDriver: opens PAGE, merges the
first two beads, exports TMX, TSV and the edits, and leaves the downloads and a screenshot in OUTDIR.
Usage: python3 EditorDriver.py PAGE OUTDIR. Exit 0 when the downloads arrived."""
import os, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

page, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
options = Options()
for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
    options.add_argument(arg)
options.binary_location = "/usr/bin/chromium"
options.add_experimental_option("prefs", {"download.default_directory": outdir, "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + page)
    before = len(driver.find_elements(By.CSS_SELECTOR, "tr[data-bead]"))
    driver.find_element(By.CSS_SELECTOR, 'tr[data-bead="0"] [data-action="merge"]').click()
    after = len(driver.find_elements(By.CSS_SELECTOR, "tr[data-bead]"))
    print(f"beads shown: {before} before, {after} after the merge")
    driver.save_screenshot(os.path.join(outdir, "editor.png"))
    for control in ("export-tmx", "export-tsv", "export-edits"):
        driver.find_element(By.CSS_SELECTOR, f'[data-control="{control}"]').click()
    deadline = time.time() + 20
    while time.time() < deadline:
        names = [n for n in os.listdir(outdir) if not n.endswith(".crdownload")]
        if sum(n.endswith((".tmx", ".tsv", ".json")) for n in names) == 3:
            break
        time.sleep(0.2)
    print("downloads:", sorted(os.listdir(outdir)))
finally:
    driver.quit()
