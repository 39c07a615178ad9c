/*
 * Kvinnohälsa dashboard, shared parts: Swedish formatting and words, DOM building (elements and text nodes only:
 * data is never parsed as HTML), the public API client, tables with sorting and CSV download, the live event stream.
 */
(() => {
  'use strict';

  const KH = (window.KH = window.KH || {});
  const TIME_ZONE = 'Europe/Stockholm';

  // ---------------------------------------------------------------- formatting (sv-SE)
  const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signedOneDecimal = new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero',
  });
  const upToOneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
  const millions = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
  const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE,
  });
  const DASH = '–';

  KH.DASH = DASH;
  KH.fmt = {
    kr: (v) => (v == null ? DASH : `${whole.format(v)} kr`),
    int: (v) => (v == null ? DASH : whole.format(v)),
    mkr: (v) => (v == null ? DASH : `${millions.format(v / 1e6)} mnkr`),
    pct: (v) => (v == null ? DASH : `${oneDecimal.format(v)} %`),
    dec: (v) => (v == null ? DASH : oneDecimal.format(v)),
    /** A round figure as written: 90, 92,5. */
    num: (v) => (v == null ? DASH : upToOneDecimal.format(v)),
    pp: (v) => (v == null ? DASH : `${signedOneDecimal.format(v)} p.e.`),
    /** A calendar date (yyyy-mm-dd) as it reads in Swedish, without time zone shifts. */
    day: (iso) => (iso ? dateFormat.format(new Date(`${iso}T12:00:00Z`)) : DASH),
    date: (iso) => (iso ? dateFormat.format(new Date(iso)) : DASH),
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : DASH),
    yesNo: (v) => (v == null ? DASH : v ? 'Ja' : 'Nej'),
  };

  /** An indicator's value in its unit. */
  KH.fmt.value = (v, unit) => (unit === 'PERCENT' || unit == null ? KH.fmt.pct(v) : KH.fmt.dec(v));

  /** A target as words: "minst 90 %". */
  KH.fmt.target = (target, unit) => {
    if (!target) return 'Inget målvärde';
    const word = target.operator === '<=' ? 'högst' : 'minst';
    return `${word} ${KH.fmt.num(target.value)}${unit === 'PERCENT' || unit == null ? ' %' : ''}`;
  };

  /** A period "2023-08-01/2024-07-31" as people say it: "2023/24", "2023", or a date. */
  KH.fmt.period = (period) => {
    if (!period) return DASH;
    const [from, to] = period.split('/');
    if (!to || from === to) return KH.fmt.day(from);
    const [fy, fm, fd] = from.split('-');
    const [ty, tm, td] = to.split('-');
    if (fy === ty && fm === '01' && fd === '01' && tm === '12' && td === '31') return fy;
    if (Number(ty) === Number(fy) + 1) return `${fy}/${ty.slice(2)}`;
    return `${KH.fmt.day(from)}–${KH.fmt.day(to)}`;
  };
  KH.fmt.periodLong = (period) => {
    if (!period) return DASH;
    const [from, to] = period.split('/');
    return to && from !== to ? `${KH.fmt.day(from)} – ${KH.fmt.day(to)}` : KH.fmt.day(from);
  };

  // ---------------------------------------------------------------- the domain's words in Swedish
  KH.words = {
    reportStatus: {
      NOT_STARTED: 'Ej påbörjad', DRAFT: 'Utkast', SUBMITTED: 'Inskickad', ACCEPTED: 'Godkänd',
      RETURNED: 'Återsänd', NO_AGREEMENT: 'Ingen överenskommelse',
    },
    reportBadge: {
      NOT_STARTED: 'badge--outline', DRAFT: '', SUBMITTED: 'badge--info', ACCEPTED: 'badge--ok', RETURNED: 'badge--warn',
    },
    split: { FULLY_SPLIT: 'Ja', PARTLY_SPLIT: 'Delvis', NOT_SPLIT: 'Nej' },
    exclusion: {
      NOT_SUBMITTED: 'Ingen inskickad redovisning',
      NOT_SPLIT: 'Kostnaderna kan inte fördelas per insatsområde',
      PARTLY_SPLIT: 'Kostnaderna delvis fördelade (räknas som ofullständig)',
    },
    pool: { POPULATION: 'Efter befolkning', RURAL: 'Landsbygdssatsning' },
    keyKind: { WEIGHTS: 'Fördelningsnyckel', AMOUNTS: 'Fastställda belopp' },
    targetGroup: {
      NO_SPECIFIC_GROUP: 'Ingen särskild målgrupp', PREGNANT: 'Gravida', NEW_MOTHERS: 'Nyförlösta',
      PARTNERS_FAMILIES: 'Partner och familj', YOUNG_PEOPLE: 'Unga', BORN_ABROAD: 'Utrikes födda',
      SEXUAL_VIOLENCE_FGM: 'Utsatta för sexuellt våld eller könsstympning', STAFF: 'Personal',
    },
    group: {
      ALL: 'Alla', BORN_SWEDEN: 'Födda i Sverige', BORN_ABROAD: 'Födda utomlands',
      EDU_HIGHER: 'Eftergymnasial utbildning', EDU_PRIMARY: 'Högst förgymnasial utbildning',
      FIRST_BIRTH: 'Förstföderskor', LATER_BIRTH: 'Omföderskor',
    },
    origin: { REPORTED: 'rapporterat av registret', COMPUTED: 'beräknat från regionerna' },
    conditionStatus: { MET: 'Uppfyllt', NOT_MET: 'Inte uppfyllt ännu' },
    suppressionReason: {
      SMALL_CELL: 'för litet underlag',
      COMPLEMENTARY: 'dolt så att ett litet underlag inte kan räknas fram',
    },
  };
  KH.word = (table, code) => (code == null ? DASH : (KH.words[table] && KH.words[table][code]) || code);
  KH.SUPPRESSED_REASON = 'för litet underlag';
  KH.SUPPRESSED_NOTE = 'Ett streck (–) betyder att värdet inte visas eftersom underlaget är för litet: '
    + 'så få fall kan peka ut enskilda personer. Ibland döljs också ett annat värde, så att det dolda inte kan '
    + 'räknas fram ur summor och andra värden. Värdet är alltså inte noll.';
  /** Why a value is not shown, in Swedish: the API's suppressionReason (SMALL_CELL, COMPLEMENTARY). */
  KH.reason = (row) => (row && row.suppressionReason
    ? KH.word('suppressionReason', row.suppressionReason) : KH.SUPPRESSED_REASON);

  // ---------------------------------------------------------------- DOM
  /** h('p', {class: 'x'}, 'text', node, [more]): attributes set one by one, children as text nodes or nodes. */
  KH.h = (tag, attrs, ...children) => {
    const el = tag.startsWith('svg:')
      ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
      : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    KH.append(el, children);
    return el;
  };
  KH.append = (el, children) => {
    for (const child of children.flat(Infinity)) {
      if (child == null || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  };
  const h = KH.h;

  KH.badge = (text, variant) => h('span', { class: `badge ${variant || ''}`.trim() }, text);
  KH.statusBadge = (status) => KH.badge(KH.word('reportStatus', status), KH.words.reportBadge[status]);
  KH.suppressed = (reason) => h('span', { class: 'suppressed' }, DASH,
    h('span', { class: 'suppressed__why' }, ` ${reason || KH.SUPPRESSED_REASON}`));
  KH.mark = (met) => (met == null ? h('span', { class: 'muted' }, DASH)
    : met ? h('span', { class: 'mark-ok' }, '✓ Ja') : h('span', { class: 'mark-miss' }, '✗ Nej'));

  KH.tile = (label, value, note) => h('li', { class: 'tile' },
    h('p', { class: 'tile__label' }, label), h('p', { class: 'tile__value' }, value),
    note ? h('p', { class: 'tile__note' }, note) : null);

  KH.notice = (text, variant) => h('div', { class: `notice ${variant ? `notice--${variant}` : ''}`.trim() },
    Array.isArray(text) ? text.map((t) => h('p', {}, t)) : h('p', {}, text));

  KH.announce = (text) => {
    const announcer = document.getElementById('announcer');
    if (announcer) announcer.textContent = text;
  };

  /**
   * Replaces a section in place, keeping keyboard focus on the control with the same data-focus-key (a live update
   * must not throw a keyboard user back to the top).
   */
  KH.replace = (old, next) => {
    const active = document.activeElement;
    const key = old.contains(active) && active.dataset ? active.dataset.focusKey : null;
    old.replaceWith(next);
    if (key) {
      const again = next.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
      if (again) again.focus();
    }
    return next;
  };

  // ---------------------------------------------------------------- the public API
  class ApiError extends Error {
    constructor(status, detail, path) {
      super(detail || `HTTP ${status}`);
      this.status = status;
      this.path = path;
    }
  }
  KH.ApiError = ApiError;

  /** GET a public JSON resource through the gateway; revalidated each time (ETag), so a live update is never stale. */
  KH.api = async (path) => {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    } catch (networkError) {
      throw new ApiError(0, 'Servern kan inte nås just nu.', path);
    }
    if (!response.ok) {
      let detail = null;
      try {
        detail = (await response.json()).detail;
      } catch (notJson) {
        detail = null;
      }
      throw new ApiError(response.status, detail, path);
    }
    return response.json();
  };

  /** What to tell a person when a part could not be fetched. */
  KH.failure = (error) => {
    const status = error && error.status;
    if (status === 0) return 'Uppgifterna kunde inte hämtas: servern kan inte nås just nu. Sidan försöker igen när anslutningen är tillbaka.';
    if (status === 429) return 'För många frågor på kort tid. Vänta en stund och ladda om sidan.';
    if (status >= 500) return 'Uppgifterna kunde inte hämtas just nu: en tjänst svarar inte. Försök igen om en stund.';
    if (status === 404) return 'Uppgifterna finns inte.';
    return 'Uppgifterna kunde inte hämtas.';
  };

  let regionsPromise = null;
  /** The 21 regions by code; asked once per page. */
  KH.regions = () => {
    if (!regionsPromise) {
      regionsPromise = KH.api('/api/v1/regions').then((list) => {
        const byCode = new Map(list.map((r) => [r.code, r]));
        return { list, byCode, name: (code) => (code === 'SE' ? 'Riket' : (byCode.get(code) || {}).name || code) };
      });
      regionsPromise.catch(() => { regionsPromise = null; });
    }
    return regionsPromise;
  };

  // ---------------------------------------------------------------- CSV for Swedish Excel
  /**
   * Excel in Swedish locale opens a CSV file by double click when it is UTF-8 with a byte order mark, separated by
   * semicolons, with decimal commas and without thousands separators. Text that starts like a formula is prefixed
   * with an apostrophe, so that a cell never runs as one.
   */
  KH.csv = {
    cell(value) {
      if (value == null) return '';
      if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
      if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
      let text = String(value);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    },
    text(header, rows) {
      return [header, ...rows].map((row) => row.map((v) => KH.csv.cell(v)).join(';')).join('\r\n') + '\r\n';
    },
    download(fileName, header, rows) {
      const blob = new Blob(['\uFEFF', KH.csv.text(header, rows)], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: fileName, class: 'visually-hidden' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };

  const downloadIcon = () => {
    const svg = h('svg:svg', { viewBox: '0 0 24 24', class: 'button__icon', 'aria-hidden': 'true', focusable: 'false' });
    svg.append(h('svg:path', { d: 'M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14' }));
    return svg;
  };

  // ---------------------------------------------------------------- tables
  const sortState = new Map();

  /**
   * A table with a caption, header cells, sortable columns and a CSV download of exactly its rows.
   * columns: [{key, label, num, cell(row) -> text|Node, csv(row) -> value, sort(row) -> value, header (row header),
   *            csvLabel, csvOnly (a column of the CSV file only, e.g. what one cell on screen shows as a range)}]
   * options: {id, caption, rows, fileName, sortable, defaultSort: {key, dir}, rowAttrs(row), foot: [[cells]],
   *           onSort(sortedRows), note}
   */
  KH.table = (options) => {
    const { id, fileName } = options;
    const columns = options.columns.filter((c) => !c.csvOnly);
    const block = h('div', { class: 'table-block', id: `${id}-block` });
    const state = sortState.get(id) || options.defaultSort || null;
    const sorted = sortRows(options.rows, columns, state);
    if (options.onSort) options.onSort(sorted);

    const table = h('table', { id });
    table.append(h('caption', {}, options.caption));
    const headRow = h('tr');
    for (const column of columns) {
      const th = h('th', { scope: 'col', class: column.num ? 'num' : null });
      if (options.sortable !== false && column.sort !== false) {
        const active = state && state.key === column.key;
        if (active) th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
        th.append(h('button', {
          type: 'button', class: 'sort', 'data-focus-key': `${id}-sort-${column.key}`,
          onclick: () => {
            const dir = active && state.dir === 'asc' ? 'desc' : active ? 'asc' : column.num ? 'desc' : 'asc';
            sortState.set(id, { key: column.key, dir });
            KH.replace(block, KH.table(options));
          },
        }, column.label, h('span', { class: 'sort__icon', 'aria-hidden': 'true' }, active ? (state.dir === 'asc' ? '▲' : '▼') : '↕')));
      } else {
        th.append(column.label);
      }
      headRow.append(th);
    }
    table.append(h('thead', {}, headRow));
    const body = h('tbody');
    for (const row of sorted) {
      const tr = h('tr', options.rowAttrs ? options.rowAttrs(row) : {});
      for (const column of columns) {
        const content = column.cell ? column.cell(row) : row[column.key];
        const cell = h(column.header ? 'th' : 'td', {
          scope: column.header ? 'row' : null, class: column.num ? 'num' : null,
        }, content == null ? DASH : content);
        tr.append(cell);
      }
      body.append(tr);
    }
    table.append(body);
    if (options.foot) {
      const foot = h('tfoot');
      for (const cells of options.foot) {
        foot.append(h('tr', {}, cells.map((c, i) => h(i === 0 ? 'th' : 'td', {
          scope: i === 0 ? 'row' : null, class: columns[i] && columns[i].num ? 'num' : null,
        }, c))));
      }
      table.append(foot);
    }

    if (fileName) {
      block.append(h('div', { class: 'toolbar' }, h('button', {
        type: 'button', class: 'button', 'data-focus-key': `${id}-csv`, 'data-csv': id,
        onclick: () => KH.csv.download(fileName, options.columns.map((c) => c.csvLabel || c.label),
          [...sorted.map((row) => options.columns.map((c) => (c.csv ? c.csv(row) : row[c.key]))),
            ...(options.csvFoot || [])]),
      }, downloadIcon(), 'Ladda ner CSV', h('span', { class: 'visually-hidden' }, `: ${options.caption}`))));
    }
    block.append(h('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': options.caption }, table));
    if (options.note) block.append(h('p', { class: 'small muted' }, options.note));
    return block;
  };

  function sortRows(rows, columns, state) {
    if (!state) return rows.slice();
    const column = columns.find((c) => c.key === state.key);
    if (!column) return rows.slice();
    const value = column.sort || column.csv || ((row) => row[column.key]);
    const factor = state.dir === 'asc' ? 1 : -1;
    return rows.slice().sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null && y == null) return 0;
      if (x == null) return 1; // missing values last, whichever the direction
      if (y == null) return -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * factor;
      return String(x).localeCompare(String(y), 'sv') * factor;
    });
  }

  // ---------------------------------------------------------------- the live event stream
  const EVENT_TYPES = [
    'se.kvinnohalsa.agreement.changed.v1', 'se.kvinnohalsa.allocation.published.v1',
    'se.kvinnohalsa.allocation.decision-recorded.v1', 'se.kvinnohalsa.report.submitted.v1',
    'se.kvinnohalsa.report.reviewed.v1', 'se.kvinnohalsa.indicator.observations-changed.v1',
  ];
  const FIRST_RETRY_MS = 1000;
  const MAX_RETRY_MS = 30000;
  /** A stream the server ends on purpose (its maximum lifetime) is back at once: no need to say "reconnecting". */
  const RECONNECTING_AFTER_MS = 1500;

  /**
   * Listens to /api/v1/events. Only what the public projection of an event keeps is used (type, subject, key); the
   * page fetches the public REST data again rather than trusting an event's payload. The browser reconnects with
   * Last-Event-ID by itself; when the stream was closed for good (an error status), this reconnects with
   * ?lastEventId= so that nothing in between is missed. After any resume the page refreshes everything.
   */
  KH.live = (onEvent, onResume) => {
    const badge = document.getElementById('live');
    const text = badge ? badge.querySelector('.live__text') : null;
    let lastId = null;
    let connected = false;
    let retryMs = FIRST_RETRY_MS;
    let source = null;
    let reconnecting = null;
    const show = (state, label) => {
      if (!badge) return;
      badge.dataset.state = state;
      text.textContent = label;
    };
    const connect = () => {
      const url = `/api/v1/events${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ''}`;
      source = new EventSource(url);
      source.addEventListener('ready', (e) => {
        clearTimeout(reconnecting);
        reconnecting = null;
        if (e.lastEventId) lastId = e.lastEventId;
        const resumed = connected;
        connected = true;
        retryMs = FIRST_RETRY_MS;
        show('live', 'Live');
        if (resumed && onResume) onResume();
      });
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (e) => {
          if (e.lastEventId) lastId = e.lastEventId;
          let data = {};
          try {
            data = JSON.parse(e.data) || {};
          } catch (notJson) {
            data = {};
          }
          onEvent({ type, subject: data.subject || null, key: data.key || null });
        });
      }
      source.addEventListener('error', () => {
        if (!reconnecting) reconnecting = setTimeout(() => show('reconnecting', 'Återansluter …'), RECONNECTING_AFTER_MS);
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          setTimeout(connect, retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        }
      });
    };
    window.addEventListener('pagehide', () => source && source.close());
    connect();
  };

  /** Runs fn once after calls stop coming for a moment: several events of one change cause one refresh. */
  KH.debounce = (fn, ms) => {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  };
})();
