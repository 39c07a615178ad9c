/*
 * Kvinnohälsa dashboard, charts. Bar charts are HTML (labels wrap, any width), sized through the CSSOM, which a strict
 * CSP allows; the line chart is SVG drawn in pixels at its container's width. A chart is an image to assistive
 * technology, with a text alternative; its numbers are always in a table beside it.
 */
(() => {
  'use strict';

  const KH = window.KH;
  const h = KH.h;
  const PERCENT = 100;

  /**
   * Horizontal bars from zero.
   * items: [{label, value (null: none), text (the value as shown), state: 'ok'|'miss'|'none'|undefined,
   *          previous (a thinner second bar, e.g. the period before)}]
   * options: {label (text alternative), max, target: {value, label}, stacked (labels above the bars), legend: [...],
   *           wide (the chart has the card's width, above its table)}
   */
  function bars(items, options) {
    const max = options.max || Math.max(1, ...items.map((i) => Math.max(i.value || 0, i.previous || 0)));
    const paired = items.some((i) => i.previous != null);
    const chart = h('div', {
      class: `bars${options.stacked ? ' bars--stacked' : ''}${paired ? ' bars--paired' : ''}`, role: 'img',
      'aria-label': options.label,
    });
    for (const item of items) {
      const row = h('div', { class: `bars__row${item.state ? ` is-${item.state}` : ''}` });
      const bar = h('span', { class: 'bars__bar' });
      if (item.value != null) bar.style.width = `${Math.max(0, Math.min(PERCENT, (item.value / max) * PERCENT))}%`;
      const track = h('span', { class: 'bars__track' }, bar);
      if (item.previous != null) {
        const previous = h('span', { class: 'bars__bar bars__bar--previous' });
        previous.style.width = `${Math.max(0, Math.min(PERCENT, (item.previous / max) * PERCENT))}%`;
        track.append(previous);
      }
      if (options.target && options.target.value != null) {
        const line = h('span', { class: 'bars__target' });
        line.style.left = `${Math.min(PERCENT, (options.target.value / max) * PERCENT)}%`;
        track.append(line);
      }
      row.append(h('span', { class: 'bars__label' }, item.label), track, h('span', { class: 'bars__value' }, item.text));
      chart.append(row);
    }
    const figure = h('figure', { class: `chart${options.wide ? ' chart--wide' : ''}` });
    if (options.title) figure.append(h('figcaption', { class: 'chart__title' }, options.title));
    figure.append(chart);
    if (options.legend && options.legend.length) {
      figure.append(h('ul', { class: 'legend', 'aria-hidden': 'true' },
        options.legend.map((entry) => h('li', {}, h('span', { class: `swatch ${entry.swatch || ''}` }), entry.label))));
    }
    return figure;
  }

  const SVG_HEIGHT = 260;
  const PAD = { top: 24, right: 24, bottom: 34, left: 48 };
  const TICKS = 5;
  const DOT_RADIUS = 4.5;

  /**
   * A line chart over periods, for one or two series and an optional target line.
   * series: [{name, points: [{x (label), value}]}] (the first is the main one)
   * options: {label (text alternative), target: {value} (a dashed line, named in the legend), format(v), min, max,
   *           legend: [{swatch, label}]}
   */
  function line(series, options) {
    const holder = h('div', { class: 'linechart' });
    const figure = h('figure', { class: 'chart' }, holder);
    if (options.legend) {
      figure.append(h('ul', { class: 'legend', 'aria-hidden': 'true' },
        options.legend.map((entry) => h('li', {}, h('span', { class: `swatch ${entry.swatch || ''}` }), entry.label))));
    }
    let drawnWidth = 0;
    const draw = () => {
      const width = Math.round(holder.clientWidth);
      if (!width || width === drawnWidth) return;
      drawnWidth = width;
      holder.replaceChildren(svg(series, options, width));
    };
    // Drawn once it has a width, again when its width changes (phone rotated, window resized).
    new ResizeObserver(draw).observe(holder);
    return figure;
  }

  function svg(series, options, width) {
    const xs = series[0].points.map((p) => p.x);
    const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v != null);
    if (options.target && options.target.value != null) values.push(options.target.value);
    const low = options.min != null ? options.min : Math.max(0, Math.floor((Math.min(...values) - 5) / 5) * 5);
    const high = options.max != null ? options.max : Math.min(PERCENT, Math.ceil((Math.max(...values) + 5) / 5) * 5);
    const innerW = width - PAD.left - PAD.right;
    const innerH = SVG_HEIGHT - PAD.top - PAD.bottom;
    // Each period has a band of its own, the point in its middle, so that the labels at both ends fit.
    const x = (i) => PAD.left + ((i + 0.5) * innerW) / xs.length;
    const y = (v) => PAD.top + innerH - ((v - low) / (high - low || 1)) * innerH;
    const root = h('svg:svg', {
      viewBox: `0 0 ${width} ${SVG_HEIGHT}`, width, height: SVG_HEIGHT, role: 'img', 'aria-label': options.label,
    });
    for (let t = 0; t <= TICKS; t += 1) {
      const v = low + ((high - low) * t) / TICKS;
      root.append(h('svg:line', { class: 'lc-grid', x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }));
      root.append(h('svg:text', { class: 'lc-axis', x: PAD.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, KH.fmt.num(v)));
    }
    xs.forEach((label, i) => {
      root.append(h('svg:text', { class: 'lc-axis', x: x(i), y: SVG_HEIGHT - 10, 'text-anchor': 'middle' }, label));
    });
    if (options.target && options.target.value != null) {
      const ty = y(options.target.value);
      root.append(h('svg:line', { class: 'lc-target', x1: PAD.left, x2: width - PAD.right, y1: ty, y2: ty }));
    }
    series.slice().reverse().forEach((s, reversedIndex) => {
      const second = reversedIndex === 0 && series.length > 1;
      const points = s.points.map((p, i) => ({ i, value: p.value })).filter((p) => p.value != null);
      if (points.length > 1) {
        const d = points.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
        root.append(h('svg:path', { class: `lc-line${second ? ' lc-line--2' : ''}`, d }));
      }
      for (const p of points) {
        root.append(h('svg:circle', { class: `lc-dot${second ? ' lc-dot--2' : ''}`, cx: x(p.i), cy: y(p.value), r: DOT_RADIUS }));
        if (!second) {
          root.append(h('svg:text', { class: 'lc-label', x: x(p.i), y: y(p.value) - 10, 'text-anchor': 'middle' },
            (options.format || KH.fmt.dec)(p.value)));
        }
      }
    });
    return root;
  }

  KH.charts = { bars, line };
})();
