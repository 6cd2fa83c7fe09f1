// SPDX-License-Identifier: GPL-3.0-or-later
// The ring timeline as the desktop user sees it, drawn as SVG: one row per device, a bar from its
// delay to delay + timeout, disabled devices as an empty row. Built with DOM calls only (names are
// user data: textContent, never markup).
"use strict";

window.FollowMeTimeline = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  const rowHeight = 28;
  const labelWidth = 190;
  const plotWidth = 560;
  const axisHeight = 28;

  function node(name, attributes, text) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {}))
      element.setAttribute(key, String(value));
    if (text !== undefined)
      element.textContent = text;
    return element;
  }

  // A round step for the axis: about six ticks across the longest ring window.
  function tickStep(end) {
    for (const step of [5, 10, 15, 20, 30, 60, 120, 300])
      if (end / step <= 8)
        return step;
    return 600;
  }

  // devices: the settings document's devices; kind: external/internal/teams; t: the console's
  // translate function. Returns the <svg>.
  function draw(devices, kind, title, t) {
    const enabled = devices.filter((d) => d.rules[kind].enabled);
    const end = Math.max(10, ...enabled.map((d) => d.rules[kind].delay + d.rules[kind].timeout));
    const step = tickStep(end);
    const axisEnd = Math.ceil(end / step) * step;
    const scale = plotWidth / axisEnd;
    const height = axisHeight + Math.max(1, devices.length) * rowHeight + 8;
    const width = labelWidth + plotWidth + 24;
    const svg = node("svg", {
      viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img",
      "data-kind": kind, class: "timeline", "aria-label": title,
    });
    svg.appendChild(node("title", {}, title));

    for (let seconds = 0; seconds <= axisEnd; seconds += step) {
      const x = labelWidth + seconds * scale;
      svg.appendChild(node("line", { x1: x, x2: x, y1: axisHeight - 6, y2: height - 8, class: "grid" }));
      svg.appendChild(node("text", { x, y: axisHeight - 10, class: "axis", "text-anchor": "middle" },
        `${seconds} ${t("seconds")}`));
    }
    if (devices.length === 0 || enabled.length === 0) {
      svg.appendChild(node("text", { x: labelWidth + 8, y: axisHeight + rowHeight * 0.65, class: "empty" },
        t("nothingRings")));
    }
    devices.forEach((device, row) => {
      const rule = device.rules[kind];
      const y = axisHeight + row * rowHeight;
      const group = node("g", { class: rule.enabled ? "row" : "row off" });
      const label = rule.enabled
        ? t("ringsFromTo", device.name, rule.delay, rule.delay + rule.timeout)
        : t("doesNotRing", device.name);
      group.appendChild(node("title", {}, label));
      const name = node("text", { x: labelWidth - 10, y: y + rowHeight * 0.65, class: "name", "text-anchor": "end" });
      name.textContent = device.name.length > 26 ? device.name.slice(0, 25) + "…" : device.name;
      group.appendChild(name);
      if (rule.enabled) {
        group.appendChild(node("rect", {
          x: labelWidth + rule.delay * scale, y: y + 5, width: Math.max(2, rule.timeout * scale),
          height: rowHeight - 10, rx: 4, class: device.userConfigurable ? "bar" : "bar locked",
          role: "img", "aria-label": label,
        }));
      } else {
        group.appendChild(node("line", {
          x1: labelWidth, x2: labelWidth + plotWidth, y1: y + rowHeight / 2, y2: y + rowHeight / 2,
          class: "off-line",
        }));
      }
      svg.appendChild(group);
    });
    return svg;
  }

  return { draw };
})();
