// SPDX-License-Identifier: GPL-3.0-or-later
// The admin console's behaviour. It is an admin client of docs/protocol.md §9 over the WebSocket
// of the address that served it: log in with an admin token (kept in this variable only), list
// users, watch the chosen one (user.watch → userChanged pushes) and change them with the same
// admin commands followme-admin sends. Every name shown is user data, so text goes in through
// textContent only.
"use strict";

(function () {
  const KINDS = ["external", "internal", "teams"];
  const MAX_DELAY = 300;
  const MAX_TIMEOUT = 600;
  const $ = (id) => document.getElementById(id);

  // ---- words -------------------------------------------------------------------------------
  let language = (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";

  function t(key, ...args) {
    const table = window.FOLLOWME_STRINGS[language] || window.FOLLOWME_STRINGS.en;
    const text = table[key] !== undefined ? table[key] : window.FOLLOWME_STRINGS.en[key] || key;
    return text.replace(/\{(\d)\}/g, (_, i) => (args[i] !== undefined ? String(args[i]) : ""));
  }

  function applyStrings() {
    document.documentElement.lang = language;
    document.title = t("title");
    for (const element of document.querySelectorAll("[data-t]"))
      element.textContent = t(element.dataset.t);
    for (const element of document.querySelectorAll("[data-t-label]"))
      element.setAttribute("aria-label", t(element.dataset.tLabel));
    for (const element of document.querySelectorAll("[data-t-placeholder]"))
      element.setAttribute("placeholder", t(element.dataset.tPlaceholder));
  }

  function element(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === "className")
        node.className = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "type" || key === "role")
        node.setAttribute(key, value);
      else
        node[key] = value;
    }
    if (text !== undefined)
      node.textContent = text;
    return node;
  }

  // ---- the connection ----------------------------------------------------------------------
  let token = "";
  let socket = null;
  let loggedIn = false; // adminReady seen at least once since the login form
  let wantConnected = false;
  let retryDelay = 1;
  let retryTimer = null;
  let nextId = 1;
  const pending = new Map();

  function status(text, kind) {
    $("status").textContent = text;
    $("status").className = kind || "";
  }

  function socketUrl() {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/";
  }

  function connect() {
    clearTimeout(retryTimer);
    status(t("connecting"));
    socket = new WebSocket(socketUrl());
    const mine = socket;
    socket.onopen = () => {
      mine.send(JSON.stringify({ type: "hello", protocol: 1, token, client: "FollowMe console/0.1" }));
    };
    socket.onmessage = (event) => {
      if (mine === socket)
        receive(JSON.parse(event.data));
    };
    socket.onclose = () => {
      if (mine !== socket)
        return;
      socket = null;
      for (const { reject } of pending.values())
        reject({ code: "closed", message: t("cannotConnect") });
      pending.clear();
      if (!wantConnected)
        return;
      if (!loggedIn) {
        // Never logged in: the login form says why (or that the server is not there).
        wantConnected = false;
        if (!$("login-error").textContent)
          $("login-error").textContent = t("cannotConnect");
        return;
      }
      const delay = retryDelay;
      retryDelay = Math.min(30, retryDelay * 2);
      countDown(delay);
    };
  }

  function countDown(seconds) {
    status(t("reconnecting", seconds), "warning");
    if (seconds <= 0) {
      connect();
      return;
    }
    retryTimer = setTimeout(() => countDown(seconds - 1), 1000);
  }

  function receive(message) {
    if (message.type === "adminReady") {
      const first = !loggedIn;
      loggedIn = true;
      retryDelay = 1;
      status(t("connected"), "ok");
      if (first)
        showApp();
      refreshUsers();
      if (selected)
        watch(selected);
      return;
    }
    if (message.type === "snapshot" && !loggedIn) {
      // A user's token: this is not an administrator.
      wantConnected = false;
      $("login-error").textContent = t("userToken");
      socket.close(1000);
      return;
    }
    if (message.type === "error" && !loggedIn) {
      wantConnected = false;
      $("login-error").textContent =
        message.code === "unauthorized" ? t("wrongToken")
          : message.code === "rate_limited" ? t("rateLimited") : message.message;
      return;
    }
    if (message.type === "userChanged") {
      userChanged(message);
      return;
    }
    const request = message.id !== undefined ? pending.get(message.id) : undefined;
    if (!request) {
      if (message.type === "error")
        status(t("error", message.message), "warning");
      return;
    }
    pending.delete(message.id);
    if (message.type === "error")
      request.reject(message);
    else
      request.resolve(message.result || {});
  }

  // One admin command; resolves with its result, rejects with the server's error.
  function command(name, args) {
    return new Promise((resolve, reject) => {
      if (!socket || socket.readyState !== WebSocket.OPEN || !loggedIn) {
        reject({ code: "closed", message: t("cannotConnect") });
        return;
      }
      const id = "c-" + nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ type: "admin", id, command: name, args: args || {} }));
    });
  }

  // ---- state -------------------------------------------------------------------------------
  let users = [];
  let selected = null; // user id
  let current = null; // {user, revision, settings}
  let auditEntries = [];
  let auditComplete = false;
  let activeTab = "devices";

  function showApp() {
    $("login").hidden = true;
    $("app").hidden = false;
    $("logout").hidden = false;
    $("login-token").value = "";
    $("user-search").focus();
  }

  function logout() {
    wantConnected = false;
    loggedIn = false;
    token = "";
    selected = null;
    current = null;
    clearTimeout(retryTimer);
    if (socket)
      socket.close(1000);
    socket = null;
    $("app").hidden = true;
    $("logout").hidden = true;
    $("login").hidden = false;
    $("user-view").hidden = true;
    $("no-user").hidden = false;
    status("");
    $("login-token").focus();
  }

  function refreshUsers() {
    command("user.list").then((result) => {
      users = result.users || [];
      renderUsers();
    }, showStatusError);
  }

  function showStatusError(error) {
    status(t("error", error.message), "warning");
  }

  function watch(userId) {
    return command("user.watch", { user: userId }).then((result) => {
      current = result;
      renderUser();
      loadAudit(true);
      loadTokens();
    }, (error) => {
      if (error.code === "not_found") {
        selected = null;
        current = null;
        $("user-view").hidden = true;
        $("no-user").hidden = false;
        refreshUsers();
      } else {
        showStatusError(error);
      }
    });
  }

  function userChanged(message) {
    if (message.user !== selected)
      return;
    if (message.settings === null) {
      selected = null;
      current = null;
      $("user-view").hidden = true;
      $("no-user").hidden = false;
      refreshUsers();
      return;
    }
    if (current && message.revision < current.revision)
      return;
    current = { user: current ? current.user : { id: message.user, name: message.user },
                revision: message.revision, settings: message.settings };
    const user = users.find((u) => u.id === message.user);
    if (user)
      user.revision = message.revision;
    renderUser();
    if (message.change && !auditEntries.some((e) => e.id === message.change.id)) {
      auditEntries.unshift(message.change);
      renderAudit();
    }
    if (message.change && message.change.action.startsWith("token."))
      loadTokens();
  }

  // ---- the user list -----------------------------------------------------------------------
  function renderUsers() {
    const list = $("user-list");
    const filter = $("user-search").value.trim().toLowerCase();
    list.replaceChildren();
    const shown = users.filter((u) => !filter || u.id.toLowerCase().includes(filter)
      || u.name.toLowerCase().includes(filter));
    for (const user of shown) {
      const item = element("li", { "data-user": user.id });
      const button = element("button", { type: "button", className: "user-button" });
      button.appendChild(element("span", { className: "user-name" }, user.name));
      button.appendChild(element("span", { className: "user-id" }, user.id + " · " + t("devicesCount", user.devices)));
      if (user.id === selected)
        button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => selectUser(user.id));
      item.appendChild(button);
      list.appendChild(item);
    }
    $("user-list-empty").hidden = shown.length > 0;
  }

  function selectUser(userId) {
    selected = userId;
    auditEntries = [];
    $("new-token-box").hidden = true;
    renderUsers();
    watch(userId);
  }

  // ---- one user ----------------------------------------------------------------------------
  function deviceName(id) {
    const device = current && current.settings.devices.find((d) => d.id === id);
    return device ? device.name : id;
  }

  // "after 5 s · 20 s": may break at the dot only, so a narrow column shows two tidy lines.
  function summary(rule) {
    if (!rule.enabled)
      return t("summaryOff");
    return t("summaryOn", rule.delay, rule.timeout).split(" · ")
      .map((part) => part.replace(/ /g, "\u00a0")).join(" · ");
  }

  function renderUser() {
    if (!current)
      return;
    $("no-user").hidden = true;
    $("user-view").hidden = false;
    $("user-title").textContent = current.user.name;
    $("user-meta").textContent = current.user.id + " · " + t("revision", current.revision);
    renderDevices();
    renderUnanswered();
    renderTimeline();
    if ($("followme-dialog").open && !dialogDirty)
      fillDialog();
  }

  function renderDevices() {
    const body = $("device-table").tBodies[0];
    // A push redraws the rows: a keyboard user's focus on a row's button moves to the new one.
    const focused = body.contains(document.activeElement) ? document.activeElement : null;
    const focusRow = focused && focused.closest("tr") ? focused.closest("tr").dataset.device : null;
    const focusClass = focused ? focused.classList[0] : null;
    body.replaceChildren();
    const devices = current.settings.devices;
    for (const device of devices) {
      const row = element("tr", { "data-device": device.id });
      if (!device.userConfigurable)
        row.className = "locked";
      const nameCell = element("th", { scope: "row" });
      nameCell.appendChild(element("span", { className: "device-name" }, device.name));
      const details = [t("kind_" + device.kind), device.number, device.id].filter((part) => part);
      nameCell.appendChild(element("span", { className: "device-id" }, details.join(" · ")));
      row.appendChild(nameCell);
      row.appendChild(element("td", {}, device.workspace ? t("viaWorkspace", device.workspace) : t("direct")));
      row.appendChild(element("td", {}, device.userConfigurable ? t("yes") : t("no") + " (" + t("locked") + ")"));
      for (const kind of KINDS) {
        const cell = element("td", { "data-kind": kind }, summary(device.rules[kind]));
        if (!device.rules[kind].enabled)
          cell.className = "off";
        row.appendChild(cell);
      }
      const cell = element("td");
      const actions = element("div", { className: "actions" });
      cell.appendChild(actions);
      const buttons = [
        ["followme-open", "followMe", () => openDialog(device.id, actionsButton("followme-open"))],
        ["device-rename", "rename", () => renameDevice(device)],
        ["device-number", "setNumber", () => setNumber(device)],
        ["device-workspace", "setWorkspace", () => setWorkspace(device)],
        ["device-remove", "removeDevice", () => removeDevice(device)],
      ];
      function actionsButton(cls) {
        return actions.querySelector("." + cls);
      }
      for (const [cls, key, handler] of buttons) {
        const button = element("button", { type: "button", className: cls }, t(key));
        button.setAttribute("aria-label", t(key).replace("…", "") + " – " + device.name);
        button.addEventListener("click", handler);
        actions.appendChild(button);
      }
      row.appendChild(cell);
      body.appendChild(row);
      if (device.id === focusRow && focusClass)
        (actionsButton(focusClass) || actionsButton("followme-open")).focus();
    }
    $("no-devices").hidden = devices.length > 0;
  }

  function reportTo(id) {
    return (error) => { $(id).textContent = error.message; };
  }

  function renameDevice(device) {
    ask(t("newName", device.name), device.name, t("save"), 100, true).then((name) => {
      if (name !== null && name !== device.name)
        command("device.rename", { device: device.id, name }).catch(reportTo("device-error"));
    });
  }

  function setNumber(device) {
    ask(t("newNumber", device.name), device.number, t("save"), 64, false).then((number) => {
      if (number !== null && number !== device.number)
        command("device.setNumber", { device: device.id, number }).catch(reportTo("device-error"));
    });
  }

  function setWorkspace(device) {
    ask(t("newWorkspace", device.name), device.workspace || "", t("save"), 100, false).then((value) => {
      if (value !== null && value !== (device.workspace || ""))
        command("device.setWorkspace", { device: device.id, workspace: value || null })
          .catch(reportTo("device-error"));
    });
  }

  function removeDevice(device) {
    if (window.confirm(t("confirmRemoveDevice", device.name)))
      command("device.remove", { device: device.id }).catch(reportTo("device-error"));
  }

  // A small modal question with a text field; resolves with the text or null.
  function ask(label, value, okText, maxLength, required) {
    const dialog = $("prompt-dialog");
    const opener = document.activeElement;
    $("prompt-label").textContent = label;
    $("prompt-input").value = value;
    $("prompt-input").maxLength = maxLength;
    $("prompt-input").required = required;
    $("prompt-ok").textContent = okText;
    $("prompt-error").textContent = "";
    return new Promise((resolve) => {
      function finish(result) {
        $("prompt-form").onsubmit = null;
        $("prompt-cancel").onclick = null;
        dialog.onclose = null;
        if (dialog.open)
          dialog.close();
        if (opener && opener.focus)
          opener.focus();
        resolve(result);
      }
      $("prompt-form").onsubmit = (event) => {
        event.preventDefault();
        const text = $("prompt-input").value;
        if (required && !text.trim()) {
          $("prompt-error").textContent = label;
          return;
        }
        finish(text);
      };
      $("prompt-cancel").onclick = () => finish(null);
      dialog.onclose = () => finish(null);
      dialog.showModal();
      $("prompt-input").select();
    });
  }

  // ---- the FollowMe dialog -----------------------------------------------------------------
  let dialogDevice = null;
  let dialogOpener = null;
  let dialogOpenerDevice = null;
  let dialogDirty = false;

  function openDialog(deviceId, opener) {
    dialogDevice = deviceId;
    dialogOpener = opener;
    dialogOpenerDevice = deviceId;
    dialogDirty = false;
    $("fm-error").textContent = "";
    fillDialog();
    $("followme-dialog").showModal();
    $("fm-user-configurable").focus();
  }

  function fillDialog() {
    const device = current.settings.devices.find((d) => d.id === dialogDevice);
    if (!device) {
      $("followme-dialog").close();
      return;
    }
    $("fm-title").textContent = t("followMeFor", device.name);
    $("fm-user-configurable").checked = device.userConfigurable;
    const body = document.querySelector("#followme-dialog .fm-table tbody");
    body.replaceChildren();
    for (const kind of ["internal", "external", "teams"]) {
      const rule = device.rules[kind];
      const row = element("tr");
      row.appendChild(element("th", { scope: "row", id: `fm-${kind}-label` }, t(kind)));
      const enabled = element("input", { type: "checkbox", id: `fm-${kind}-enabled`, checked: rule.enabled });
      enabled.setAttribute("aria-label", t(kind) + ": " + t("enabled"));
      const delay = element("input", { type: "number", id: `fm-${kind}-delay`, min: 0, max: MAX_DELAY, step: 1, value: rule.delay });
      delay.setAttribute("aria-label", t(kind) + ": " + t("delay") + " (" + t("seconds") + ")");
      const timeout = element("input", { type: "number", id: `fm-${kind}-timeout`, min: 1, max: MAX_TIMEOUT, step: 1, value: rule.timeout });
      timeout.setAttribute("aria-label", t(kind) + ": " + t("timeout") + " (" + t("seconds") + ")");
      for (const input of [enabled, delay, timeout]) {
        input.addEventListener("input", () => { dialogDirty = true; });
        const cell = element("td");
        cell.appendChild(input);
        if (input !== enabled)
          cell.appendChild(element("span", { className: "unit", "aria-hidden": "true" }, t("seconds")));
        row.appendChild(cell);
      }
      body.appendChild(row);
    }
  }

  function wholeNumber(text, min, max) {
    if (!/^\d+$/.test(text.trim()))
      return null;
    const value = Number(text);
    return value >= min && value <= max ? value : null;
  }

  async function saveDialog() {
    const device = current.settings.devices.find((d) => d.id === dialogDevice);
    if (!device)
      return;
    const changes = [];
    for (const kind of KINDS) {
      const delay = wholeNumber($(`fm-${kind}-delay`).value, 0, MAX_DELAY);
      if (delay === null) {
        $("fm-error").textContent = t("delayRange", t(kind));
        $(`fm-${kind}-delay`).focus();
        return;
      }
      const timeout = wholeNumber($(`fm-${kind}-timeout`).value, 1, MAX_TIMEOUT);
      if (timeout === null) {
        $("fm-error").textContent = t("timeoutRange", t(kind));
        $(`fm-${kind}-timeout`).focus();
        return;
      }
      const enabled = $(`fm-${kind}-enabled`).checked;
      const rule = device.rules[kind];
      if (enabled !== rule.enabled || delay !== rule.delay || timeout !== rule.timeout)
        changes.push(["device.setRule", { device: device.id, callKind: kind, enabled, delay, timeout }]);
    }
    const configurable = $("fm-user-configurable").checked;
    if (configurable !== device.userConfigurable)
      changes.unshift([configurable ? "device.unlock" : "device.lock", { device: device.id }]);
    try {
      // One by one: on a refusal nothing more is sent and the dialog stays open with the reason.
      for (const [name, args] of changes)
        await command(name, args);
    } catch (error) {
      $("fm-error").textContent = error.message;
      return;
    }
    closeDialog();
  }

  function closeDialog() {
    if ($("followme-dialog").open)
      $("followme-dialog").close();
  }

  // ---- unanswered calls --------------------------------------------------------------------
  function renderUnanswered() {
    const grid = document.querySelector("#unanswered .unanswered-grid");
    const known = current.settings.unanswered || {};
    grid.replaceChildren();
    for (const kind of KINDS) {
      const call = known[kind] || null;
      const row = element("div", { className: "unanswered-row" });
      const label = element("label", { htmlFor: `unanswered-${kind}` }, t(kind));
      const select = element("select", { id: `unanswered-${kind}` });
      for (const action of ["none", "voicemail", "number", "hangup"])
        select.appendChild(element("option", { value: action }, t("action_" + action)));
      select.value = call ? call.action : "none";
      const number = element("input", { id: `unanswered-${kind}-number`, maxLength: 64, value: call && call.number ? call.number : "" });
      number.setAttribute("aria-label", t("forwardTo", t(kind)));
      number.hidden = select.value !== "number";
      select.addEventListener("change", () => { number.hidden = select.value !== "number"; });
      row.append(label, select, number);
      grid.appendChild(row);
    }
  }

  async function saveUnanswered() {
    $("unanswered-error").textContent = "";
    const known = current.settings.unanswered || {};
    const changes = [];
    for (const kind of KINDS) {
      const action = $(`unanswered-${kind}`).value;
      const number = $(`unanswered-${kind}-number`).value.trim();
      if (action === "number" && !number) {
        $("unanswered-error").textContent = t("numberRequired", t(kind));
        $(`unanswered-${kind}-number`).focus();
        return;
      }
      const before = known[kind] || null;
      const same = before ? before.action === action && (action !== "number" || before.number === number)
        : action === "none";
      if (!same) {
        const args = { user: selected, callKind: kind, action };
        if (action === "number")
          args.number = number;
        changes.push(args);
      }
    }
    try {
      for (const args of changes)
        await command("user.setUnanswered", args);
      status(changes.length ? t("saved") : t("nothingChanged"), "ok");
    } catch (error) {
      $("unanswered-error").textContent = error.message;
    }
  }

  // ---- timeline ----------------------------------------------------------------------------
  function renderTimeline() {
    const box = $("timeline");
    box.replaceChildren();
    for (const kind of KINDS) {
      const figure = element("figure");
      figure.appendChild(element("figcaption", {}, t(kind)));
      figure.appendChild(window.FollowMeTimeline.draw(current.settings.devices, kind,
        current.user.name + " – " + t(kind), t));
      box.appendChild(figure);
    }
  }

  // ---- tokens ------------------------------------------------------------------------------
  function loadTokens() {
    if (!selected)
      return;
    const user = selected;
    command("token.list", { user }).then((result) => {
      if (user !== selected)
        return;
      const body = $("token-table").tBodies[0];
      body.replaceChildren();
      const tokens = (result.tokens || []).filter((token) => !token.admin);
      for (const entry of tokens) {
        const row = element("tr", { "data-token": String(entry.tokenId) });
        row.appendChild(element("td", {}, "#" + entry.tokenId));
        row.appendChild(element("td", {}, formatTime(new Date(entry.createdAt * 1000))));
        const cell = element("td");
        const revoke = element("button", { type: "button", className: "token-revoke danger" }, t("revoke"));
        revoke.setAttribute("aria-label", t("revoke") + " #" + entry.tokenId);
        revoke.addEventListener("click", () => {
          if (window.confirm(t("confirmRevoke", "#" + entry.tokenId)))
            command("token.revoke", { tokenId: entry.tokenId }).then(loadTokens, reportTo("token-error"));
        });
        cell.appendChild(revoke);
        row.appendChild(cell);
        body.appendChild(row);
      }
      $("no-tokens").hidden = tokens.length > 0;
    }, reportTo("token-error"));
  }

  function issueToken() {
    $("token-error").textContent = "";
    command("token.issue", { user: selected }).then((result) => {
      $("new-token").value = result.token;
      $("new-token-box").hidden = false;
      $("new-token").focus();
      $("new-token").select();
      loadTokens();
    }, reportTo("token-error"));
  }

  // ---- the change log ----------------------------------------------------------------------
  function loadAudit(fresh) {
    const user = selected;
    const args = { user, limit: 50 };
    if (!fresh && auditEntries.length)
      args.before = auditEntries[auditEntries.length - 1].id;
    command("audit.list", args).then((result) => {
      if (user !== selected)
        return;
      const entries = result.entries || [];
      if (fresh)
        auditEntries = entries;
      else
        auditEntries = auditEntries.concat(entries);
      auditComplete = entries.length < 50;
      renderAudit();
    }, showStatusError);
  }

  function formatTime(date) {
    const today = new Date();
    const sameDay = date.toDateString() === today.toDateString();
    const time = date.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    return sameDay ? time : date.toLocaleDateString(language) + " " + time;
  }

  function value(v) {
    if (v === null || v === undefined || v === "")
      return t("none");
    return String(v);
  }

  function ruleChange(before, after) {
    const parts = [];
    if (!before || !after)
      return "";
    if (before.enabled !== after.enabled)
      parts.push(t("fieldEnabled", before.enabled ? t("yes") : t("no"), after.enabled ? t("yes") : t("no")));
    if (before.delay !== after.delay)
      parts.push(t("fieldDelay", before.delay, after.delay));
    if (before.timeout !== after.timeout)
      parts.push(t("fieldTimeout", before.timeout, after.timeout));
    return parts.join(", ");
  }

  function unansweredText(call) {
    if (!call)
      return t("action_none");
    return call.action === "number" ? t("action_number") + " " + call.number : t("action_" + call.action);
  }

  function describe(entry) {
    const name = entry.device
      ? (entry.before && entry.before.name) || (entry.after && entry.after.name) || deviceName(entry.device)
      : "";
    switch (entry.action) {
    case "setRule": return t("change_setRule", name, t(entry.callKind), ruleChange(entry.before, entry.after));
    case "device.setRule": return t("change_deviceSetRule", name, t(entry.callKind), ruleChange(entry.before, entry.after));
    case "setControlledDevice":
      return t("change_setControlledDevice", entry.after ? deviceName(entry.after) : t("noDevice"),
        entry.before ? deviceName(entry.before) : t("noDevice"));
    case "device.add": return t("change_deviceAdd", name);
    case "device.remove": return t("change_deviceRemove", name);
    case "device.rename": return t("change_deviceRename", value(entry.before), value(entry.after));
    case "device.lock": return t("change_deviceLock", name);
    case "device.unlock": return t("change_deviceUnlock", name);
    case "device.setNumber": return t("change_deviceSetNumber", name, value(entry.before), value(entry.after));
    case "device.setWorkspace": return t("change_deviceSetWorkspace", name, value(entry.before), value(entry.after));
    case "user.add": return t("change_userAdd");
    case "user.remove": return t("change_userRemove");
    case "user.setUnanswered":
      return t("change_userSetUnanswered", t(entry.callKind), unansweredText(entry.before), unansweredText(entry.after));
    case "token.issue": return t("change_tokenIssue", "#" + (entry.after || {}).tokenId);
    case "token.revoke": return t("change_tokenRevoke", "#" + (entry.before || {}).tokenId);
    default: return t("change_other", entry.action);
    }
  }

  function author(entry) {
    const by = entry.by || {};
    if (by.kind === "user")
      return t("byUser", current ? current.user.name : entry.user, by.from);
    if (by.kind === "local")
      return t("byLocal");
    return t("byAdmin", by.from);
  }

  function renderAudit() {
    const list = $("audit-list");
    list.replaceChildren();
    for (const entry of auditEntries) {
      const item = element("li", { "data-entry-id": String(entry.id), "data-action": entry.action });
      const when = element("time", { dateTime: entry.at }, formatTime(new Date(entry.at)));
      item.append(when, " · ", element("span", { className: "who" }, author(entry)), " · ",
        element("span", { className: "what" }, describe(entry)));
      list.appendChild(item);
    }
    $("no-changes").hidden = auditEntries.length > 0;
    $("audit-older").hidden = auditComplete || auditEntries.length === 0;
  }

  // ---- tabs --------------------------------------------------------------------------------
  const TABS = ["devices", "timeline", "tokens", "audit"];

  function selectTab(name, focus) {
    activeTab = name;
    for (const tab of TABS) {
      const button = $("tab-" + tab);
      const selectedTab = tab === name;
      button.setAttribute("aria-selected", selectedTab ? "true" : "false");
      button.tabIndex = selectedTab ? 0 : -1;
      $("panel-" + tab).hidden = !selectedTab;
    }
    if (focus)
      $("tab-" + name).focus();
  }

  function tabKeys(event) {
    const index = TABS.indexOf(activeTab);
    let next = null;
    if (event.key === "ArrowRight")
      next = TABS[(index + 1) % TABS.length];
    else if (event.key === "ArrowLeft")
      next = TABS[(index + TABS.length - 1) % TABS.length];
    else if (event.key === "Home")
      next = TABS[0];
    else if (event.key === "End")
      next = TABS[TABS.length - 1];
    if (next) {
      event.preventDefault();
      selectTab(next, true);
    }
  }

  // ---- wiring ------------------------------------------------------------------------------
  function rerender() {
    applyStrings();
    renderUsers();
    if (current)
      renderUser();
    renderAudit();
    if (selected)
      loadTokens();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("language").value = language;
    applyStrings();
    selectTab("devices", false);
    $("language").addEventListener("change", () => {
      language = $("language").value;
      rerender();
    });
    $("login-form").addEventListener("submit", (event) => {
      event.preventDefault();
      $("login-error").textContent = "";
      token = $("login-token").value.trim();
      if (!token)
        return;
      wantConnected = true;
      loggedIn = false;
      connect();
    });
    $("logout").addEventListener("click", logout);
    $("user-search").addEventListener("input", renderUsers);
    for (const tab of TABS) {
      $("tab-" + tab).addEventListener("click", () => selectTab(tab, false));
      $("tab-" + tab).addEventListener("keydown", tabKeys);
    }

    $("add-user").addEventListener("click", () => {
      $("add-user-form").hidden = false;
      $("add-user").hidden = true;
      $("new-user-id").focus();
    });
    $("add-user-cancel").addEventListener("click", () => {
      $("add-user-form").hidden = true;
      $("add-user").hidden = false;
      $("add-user").focus();
    });
    $("add-user-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const user = $("new-user-id").value.trim();
      command("user.add", { user, name: $("new-user-name").value }).then(() => {
        $("add-user-form").reset();
        $("add-user-form").hidden = true;
        $("add-user").hidden = false;
        $("add-user-error").textContent = "";
        refreshUsers();
        selectUser(user);
      }, reportTo("add-user-error"));
    });
    $("remove-user").addEventListener("click", () => {
      if (current && window.confirm(t("confirmRemoveUser", current.user.name)))
        command("user.remove", { user: selected }).then(() => {
          selected = null;
          current = null;
          $("user-view").hidden = true;
          $("no-user").hidden = false;
          refreshUsers();
        }, showStatusError);
    });

    $("add-device").addEventListener("click", () => {
      $("add-device-form").hidden = false;
      $("add-device").hidden = true;
      $("new-device-id").focus();
    });
    $("add-device-cancel").addEventListener("click", () => {
      $("add-device-form").hidden = true;
      $("add-device").hidden = false;
      $("add-device").focus();
    });
    $("add-device-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const workspace = $("new-device-workspace").value.trim();
      command("device.add", {
        user: selected, device: $("new-device-id").value.trim(), name: $("new-device-name").value,
        kind: $("new-device-kind").value, number: $("new-device-number").value.trim(),
        workspace: workspace || null, userConfigurable: $("new-device-configurable").checked,
      }).then(() => {
        $("add-device-form").reset();
        $("add-device-form").hidden = true;
        $("add-device").hidden = false;
        $("add-device-error").textContent = "";
        refreshUsers();
      }, reportTo("add-device-error"));
    });
    $("unanswered-save").addEventListener("click", saveUnanswered);

    $("fm-form").addEventListener("submit", (event) => {
      event.preventDefault();
      saveDialog();
    });
    $("fm-cancel").addEventListener("click", closeDialog);
    $("followme-dialog").addEventListener("close", () => {
      dialogDevice = null;
      // The row was drawn anew meanwhile: give focus back to its FollowMe button.
      const opener = dialogOpener && document.body.contains(dialogOpener) ? dialogOpener
        : document.querySelector(`tr[data-device="${CSS.escape(dialogOpenerDevice || "")}"] .followme-open`);
      (opener || $("panel-devices")).focus();
      dialogOpener = null;
    });

    $("token-issue").addEventListener("click", issueToken);
    $("new-token-copy").addEventListener("click", () => {
      const text = $("new-token").value;
      if (navigator.clipboard)
        navigator.clipboard.writeText(text).then(() => status(t("copied"), "ok"), () => {});
      $("new-token").select();
    });
    $("audit-older").addEventListener("click", () => loadAudit(false));
    $("login-token").focus();
  });
})();
