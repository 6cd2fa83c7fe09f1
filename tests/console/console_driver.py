#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the admin console in a real headless Chromium for tst_adminconsole.

Debian's chromium and chromium-driver through python3-selenium. The test starts this as a
QProcess and speaks one JSON object per line: a command on standard input, its answer on standard
output, {"ok": true, ...} or {"ok": false, "error": "..."}. Every command that waits has a
"timeout" (seconds, default 15) and waits on a DOM condition (WebDriverWait), never for a fixed
time. Diagnostics go to standard error.

  {"cmd": "open"}                                  load the console (a fresh page: no token)
  {"cmd": "login", "token": T}                     type the token, submit; answers "state":
                                                   "ready" (the user list) or "refused" (with
                                                   the text of #login-error in "error")
  {"cmd": "openUser", "user": "alice"}             pick the user, wait for the devices table
  {"cmd": "tab", "name": "audit"}                  click #tab-NAME, wait for #panel-NAME shown
  {"cmd": "openDialog", "device": "desk"}          click the row's FollowMe… button
  {"cmd": "closeDialog"}                           press Esc in the open dialog
  {"cmd": "lock", "device": "desk"}                dialog: untick User Configurable, save
  {"cmd": "unlock", "device": "desk"}              dialog: tick User Configurable, save
  {"cmd": "waitCell", "device", "kind", "contains"} wait for a summary cell's text
  {"cmd": "waitAudit", "action", "device"?, "contains"?: [..], "after"?: entry id}
                                                   wait for an #audit-list entry
  {"cmd": "auditIds"}                              the entry ids in #audit-list, newest first
  {"cmd": "waitText", "css", "contains"}           wait for an element's text
  {"cmd": "count", "css"}                          how many elements match
  {"cmd": "screenshot", "path": P}                 a PNG of the viewport (1280x800)
  {"cmd": "a11y"}                                  controls without an accessible name
  {"cmd": "keyboardDialog", "device", "kind", "delay"}
                                                   the dialog with the keyboard alone
  {"cmd": "consoleErrors"}                         the browser log since the last call
  {"cmd": "storage"}                               the URL, web storage and cookies
  {"cmd": "quit"}
"""

import argparse
import json
import os
import sys
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException,
                                        TimeoutException, WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

WIDTH, HEIGHT = 1280, 800
DEFAULT_TIMEOUT = 15.0


def log(*parts):
    print("console_driver:", *parts, file=sys.stderr, flush=True)


class Failure(Exception):
    pass


# The accessible name of every form control, as far as HTML gives one without ARIA computation:
# aria-labelledby, aria-label, a <label for>, a wrapping <label>, title, a button's text or an
# input button's value. Used for controls that are not rendered (a closed dialog, a hidden
# form), which the browser's own computed label does not cover.
A11Y_SCRIPT = r"""
const out = [];
const controls = document.querySelectorAll('input, select, textarea, button');
for (const el of controls) {
    if (el.type === 'hidden') continue;
    let name = '';
    const by = el.getAttribute('aria-labelledby');
    if (by) name = by.split(/\s+/).map(id => {
        const t = document.getElementById(id); return t ? t.textContent : ''; }).join(' ');
    if (!name.trim()) name = el.getAttribute('aria-label') || '';
    if (!name.trim() && el.labels) name = Array.from(el.labels).map(l => l.textContent).join(' ');
    if (!name.trim()) name = el.getAttribute('title') || '';
    if (!name.trim() && el.tagName === 'BUTTON') name = el.textContent;
    if (!name.trim() && el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type))
        name = el.value;
    const rendered = !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    out.push({index: out.length, tag: el.tagName.toLowerCase(), type: el.type || '',
              id: el.id || '', cls: el.className || '', name: name.trim().replace(/\s+/g, ' '),
              rendered: rendered, html: el.outerHTML.slice(0, 160)});
}
return out;
"""


class Driver:
    def __init__(self, args):
        self.url = args.url
        self.logs = []
        options = webdriver.ChromeOptions()
        options.binary_location = args.chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--lang=en-US",
                     "--window-size=%d,%d" % (WIDTH, HEIGHT),
                     "--user-data-dir=" + args.profile):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(executable_path=args.chromedriver,
                          log_path=os.path.join(os.path.dirname(args.profile),
                                                "chromedriver.log"))
        self.web = webdriver.Chrome(service=service, options=options)
        # The viewport itself 1280x800, whatever the window's frame takes.
        self.web.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                 {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                                  "mobile": False})

    # --- helpers ---
    def wait(self, timeout, condition, what):
        try:
            return WebDriverWait(self.web, timeout, poll_frequency=0.05,
                                 ignored_exceptions=(NoSuchElementException,
                                                     StaleElementReferenceException)
                                 ).until(lambda _: condition())
        except TimeoutException:
            raise Failure("timed out after %g s waiting for %s" % (timeout, what))

    def one(self, css):
        return self.web.find_element(By.CSS_SELECTOR, css)

    def shown(self, css):
        elements = self.web.find_elements(By.CSS_SELECTOR, css)
        return elements[0] if elements and elements[0].is_displayed() else None

    def text(self, css):
        elements = self.web.find_elements(By.CSS_SELECTOR, css)
        return elements[0].text if elements else None

    def dialog_open(self):
        return self.web.execute_script(
            "const d = document.getElementById('followme-dialog'); return !!(d && d.open);")

    def active(self):
        return self.web.execute_script(
            "const a = document.activeElement; return a ? {tag: a.tagName.toLowerCase(), "
            "id: a.id, cls: a.className, device: (a.closest('tr[data-device]') || "
            "{dataset: {}}).dataset.device || '', html: a.outerHTML.slice(0, 160)} : null;")

    def wait_saved(self, timeout, what):
        """Waits for the dialog to close after Save; what #fm-error says fails at once."""
        def closed_or_error():
            if not self.dialog_open():
                return True
            error = self.text("#fm-error")
            if error and error.strip():
                raise Failure("the dialog says: " + error.strip())
            return False
        self.wait(timeout, closed_or_error, what)

    def keys(self, *keys):
        ActionChains(self.web).send_keys(*keys).perform()

    def opener(self, device):
        return 'tr[data-device="%s"] button.followme-open' % device

    def drain_logs(self):
        try:
            self.logs.extend(self.web.get_log("browser"))
        except WebDriverException as error:
            log("no browser log:", error)

    # --- commands ---
    def cmd_open(self, c, timeout):
        self.web.get(self.url)
        self.wait(timeout, lambda: self.shown("#login-token"), "#login-token")
        return {"url": self.web.current_url}

    def cmd_login(self, c, timeout):
        field = self.wait(timeout, lambda: self.shown("#login-token"), "#login-token")
        field.clear()
        field.send_keys(c["token"])
        self.one("#login-submit").click()

        def outcome():
            error = self.text("#login-error")
            if error and error.strip():
                return ("refused", error.strip())
            if self.web.find_elements(By.CSS_SELECTOR, "#user-list li[data-user]") \
                    and self.shown("#user-list"):
                return ("ready", "")
            return None
        state, error = self.wait(timeout, outcome, "the user list or #login-error")
        answer = {"state": state, "url": self.web.current_url}
        if error:
            answer["error"] = error
        return answer

    def cmd_openUser(self, c, timeout):
        user = c["user"]
        button = self.wait(timeout, lambda: self.shown('#user-list li[data-user="%s"] button'
                                                       % user), "user " + user)
        button.click()
        self.wait(timeout, lambda: self.shown("#device-table tr[data-device]"),
                  "the devices of " + user)
        return {"title": self.text("#user-title") or ""}

    def cmd_tab(self, c, timeout):
        name = c["name"]
        self.wait(timeout, lambda: self.shown("#tab-" + name), "#tab-" + name).click()
        self.wait(timeout, lambda: self.shown("#panel-" + name), "#panel-" + name)
        return {}

    def cmd_openDialog(self, c, timeout):
        device = c["device"]
        self.cmd_tab({"name": "devices"}, timeout)
        self.wait(timeout, lambda: self.shown(self.opener(device)), self.opener(device)).click()
        self.wait(timeout, self.dialog_open, "the FollowMe dialog to open")
        return {"active": self.active()}

    def cmd_closeDialog(self, c, timeout):
        self.keys(Keys.ESCAPE)
        self.wait(timeout, lambda: not self.dialog_open(), "the FollowMe dialog to close")
        return {"active": self.active()}

    def set_configurable(self, device, configurable, timeout):
        self.cmd_openDialog({"device": device}, timeout)
        box = self.wait(timeout, lambda: self.shown("#fm-user-configurable"),
                        "#fm-user-configurable")
        changed = box.is_selected() != configurable
        if changed:
            box.click()
        self.one("#fm-save").click()
        self.wait_saved(timeout, "the FollowMe dialog to save and close")
        return {"changed": changed, "active": self.active()}

    def cmd_lock(self, c, timeout):
        return self.set_configurable(c["device"], False, timeout)

    def cmd_unlock(self, c, timeout):
        return self.set_configurable(c["device"], True, timeout)

    def cmd_waitCell(self, c, timeout):
        css = 'tr[data-device="%s"] [data-kind="%s"]' % (c["device"], c["kind"])
        wanted = c["contains"]
        seen = [None]

        def has():
            seen[0] = self.one(css).text
            return wanted in seen[0]
        try:
            self.wait(timeout, has, "%s to contain %r" % (css, wanted))
        except Failure as failure:
            raise Failure("%s (it says %r)" % (failure, seen[0]))
        return {"text": seen[0]}

    def audit_entries(self):
        return self.web.execute_script(
            "return Array.from(document.querySelectorAll('#audit-list li[data-entry-id]'))"
            ".map(li => ({id: Number(li.dataset.entryId), action: li.dataset.action || '',"
            " device: li.dataset.device || '', by: li.dataset.by || '', text: li.innerText}));")

    def cmd_auditIds(self, c, timeout):
        return {"ids": [entry["id"] for entry in self.audit_entries()]}

    def cmd_waitAudit(self, c, timeout):
        after = c.get("after", -1)
        contains = c.get("contains", [])
        device = c.get("device")

        def match():
            for entry in self.audit_entries():
                if entry["id"] <= after or entry["action"] != c["action"]:
                    continue
                if device and entry["device"] and entry["device"] != device:
                    continue
                if all(part in entry["text"] for part in contains):
                    return entry
            return None
        try:
            entry = self.wait(timeout, match, "an audit entry %s" % json.dumps(c))
        except Failure as failure:
            raise Failure("%s; the list has %s" % (failure, json.dumps(self.audit_entries()[:5])))
        return {"entry": entry}

    def cmd_waitText(self, c, timeout):
        seen = [None]

        def has():
            seen[0] = self.text(c["css"])
            return seen[0] is not None and c.get("contains", "") in seen[0]
        try:
            self.wait(timeout, has, "%s to contain %r" % (c["css"], c.get("contains", "")))
        except Failure as failure:
            raise Failure("%s (it says %r)" % (failure, seen[0]))
        return {"text": seen[0]}

    def cmd_count(self, c, timeout):
        return {"count": len(self.web.find_elements(By.CSS_SELECTOR, c["css"]))}

    def cmd_screenshot(self, c, timeout):
        path = c["path"]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Fonts and images settled: what a user would see, not a half-laid-out frame.
        self.wait(timeout, lambda: self.web.execute_script(
            "return document.readyState === 'complete' && document.fonts.status === 'loaded';"),
            "the page to settle")
        if not self.web.save_screenshot(path):
            raise Failure("no screenshot written to " + path)
        size = self.web.execute_script("return [window.innerWidth, window.innerHeight];")
        return {"path": path, "viewport": size}

    def cmd_a11y(self, c, timeout):
        controls = self.web.execute_script(A11Y_SCRIPT)
        elements = self.web.find_elements(By.CSS_SELECTOR, "input, select, textarea, button")
        elements = [e for e in elements if e.get_attribute("type") != "hidden"]
        missing = []
        for control, element in zip(controls, elements):
            name = control["name"]
            if control["rendered"]:
                # What the browser itself gives assistive technology.
                try:
                    name = (element.accessible_name or "").strip()
                except WebDriverException:
                    pass
            control["computed"] = name
            if not name:
                missing.append(control)
        return {"checked": len(controls), "missing": missing}

    def tab_to(self, css, limit, backwards=False):
        """Presses Tab (or Shift+Tab) until the element matching css has the focus."""
        for presses in range(limit + 1):
            if self.web.execute_script(
                    "const a = document.activeElement; return !!(a && a.matches(arguments[0]));",
                    css):
                return presses
            if backwards:
                ActionChains(self.web).key_down(Keys.SHIFT).send_keys(Keys.TAB) \
                    .key_up(Keys.SHIFT).perform()
            else:
                self.keys(Keys.TAB)
        raise Failure("%s never got the focus in %d Tab presses (focus on %s)"
                      % (css, limit, json.dumps(self.active())))

    def cmd_keyboardDialog(self, c, timeout):
        """Open with Enter, fill and save with Tab, typing and Enter; open with Space, Esc."""
        device, kind = c["device"], c["kind"]
        opener = self.opener(device)
        steps = {}
        self.cmd_tab({"name": "devices"}, timeout)
        # Start from the top of the page, as a keyboard user arriving at it.
        self.web.execute_script("document.activeElement && document.activeElement.blur();"
                                "window.scrollTo(0, 0);")
        steps["tabsToOpener"] = self.tab_to(opener, 300)
        self.keys(Keys.ENTER)
        self.wait(timeout, self.dialog_open, "Enter on the opener to open the dialog")
        if not self.web.execute_script(
                "return document.getElementById('followme-dialog')"
                ".contains(document.activeElement);"):
            raise Failure("the open dialog has not got the focus (%s)" % json.dumps(self.active()))
        field = "#fm-%s-delay" % kind
        steps["tabsToField"] = self.tab_to(field, 40)
        ActionChains(self.web).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL) \
            .send_keys(str(c["delay"])).perform()
        steps["typed"] = self.one(field).get_attribute("value")
        steps["tabsToSave"] = self.tab_to("#fm-save", 40)
        self.keys(Keys.ENTER)
        self.wait_saved(timeout, "Enter on Save to save and close the dialog")
        self.wait(timeout, lambda: self.web.execute_script(
            "const a = document.activeElement; return !!(a && a.matches(arguments[0]));",
            opener), "the focus back on %s after saving" % opener)
        steps["afterSave"] = self.active()
        # Again with Space, and away with Esc: nothing saved, the focus back on the opener.
        self.keys(Keys.SPACE)
        self.wait(timeout, self.dialog_open, "Space on the opener to open the dialog")
        self.keys(Keys.ESCAPE)
        self.wait(timeout, lambda: not self.dialog_open(), "Esc to close the dialog")
        self.wait(timeout, lambda: self.web.execute_script(
            "const a = document.activeElement; return !!(a && a.matches(arguments[0]));",
            opener), "the focus back on %s after Esc" % opener)
        steps["afterEsc"] = self.active()
        return steps

    def cmd_consoleErrors(self, c, timeout):
        self.drain_logs()
        entries, self.logs = self.logs, []
        return {"entries": [{"level": e.get("level"), "source": e.get("source", ""),
                             "message": e.get("message", "")} for e in entries]}

    def cmd_storage(self, c, timeout):
        state = self.web.execute_script(
            "const dump = s => { const o = {}; for (let i = 0; i < s.length; ++i) "
            "{ const k = s.key(i); o[k] = s.getItem(k); } return JSON.stringify(o); };"
            "return {local: dump(localStorage), session: dump(sessionStorage),"
            " cookie: document.cookie, history: history.length};")
        state["url"] = self.web.current_url
        return state

    def run(self):
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            started = time.monotonic()
            try:
                command = json.loads(line)
                name = command["cmd"]
                if name == "quit":
                    self.answer({"ok": True})
                    return
                handler = getattr(self, "cmd_" + name, None)
                if handler is None:
                    raise Failure("unknown command " + name)
                result = handler(command, float(command.get("timeout", DEFAULT_TIMEOUT)))
                result["ok"] = True
            except Failure as failure:
                result = {"ok": False, "error": str(failure)}
            except Exception as error:  # a broken page or browser: say so, keep serving
                log(traceback.format_exc())
                result = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
            result["ms"] = int((time.monotonic() - started) * 1000)
            self.answer(result)

    def answer(self, result):
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()

    def quit(self):
        try:
            self.web.quit()
        except Exception as error:
            log("quitting the browser:", error)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--chromedriver", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--profile", required=True, help="a fresh --user-data-dir")
    args = parser.parse_args()
    try:
        driver = Driver(args)
    except Exception as error:
        log(traceback.format_exc())
        print(json.dumps({"ok": False, "error": "the browser did not start: %s" % error}),
              flush=True)
        return 1
    print(json.dumps({"ok": True, "ready": True,
                      "browser": driver.web.capabilities.get("browserVersion", "")}), flush=True)
    try:
        driver.run()
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
