/*
 * Kvinnohälsa dashboard, the pages: the year overview (/ and /ar/{year}), the indicators (/indikatorer/{code}), the
 * regions (/regioner/{code}) and their lists. Every figure comes from the public API through the gateway, the same
 * calls any other client makes; the state of a page is in its URL.
 */
(() => {
  'use strict';

  const KH = window.KH;
  const { h, fmt } = KH;
  const main = document.getElementById('main');
  const SITE = 'Kvinnohälsa';
  const EVENT_DEBOUNCE_MS = 80;
  const PERCENT_MAX = 100;

  const ready = () => {
    main.dataset.state = 'ready';
    performance.mark('kh-rendered');
  };

  const fail = (error, retry) => {
    main.replaceChildren(
      h('h1', {}, 'Uppgifterna kunde inte visas'),
      KH.notice(KH.failure(error), 'error'),
      h('p', {}, h('button', { type: 'button', class: 'button button--primary', onclick: retry }, 'Försök igen')),
    );
    main.dataset.state = 'error';
  };

  const setTitle = (text) => {
    document.title = `${text} – ${SITE}`;
  };

  const markNav = (which) => {
    for (const link of document.querySelectorAll('.site-nav a')) {
      if (link.dataset.nav === which) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  };

  const card = (id, title, ...content) => h('section', { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'card__head' }, h('h2', { id: `${id}-title` }, title)), content);

  /** A part of a page that may fail on its own: {data} or {error}, so that the other parts still show. */
  const attempt = (promise) => promise.then((data) => ({ data }), (error) => ({ error }));

  // =================================================================== year overview
  class YearPage {
    constructor(year, latest, agreements, regions) {
      this.year = year;
      this.latest = latest;
      this.agreements = agreements;
      this.agreement = agreements.find((a) => a.year === year);
      this.regions = regions;
      this.statuses = new Map();
      this.updated = new Set();
      this.pending = new Set();
      this.sections = {};
      this.flush = KH.debounce(() => this.refreshPending(), EVENT_DEBOUNCE_MS);
    }

    async load(summary) {
      const [allocations, fetchedSummary, statuses] = await Promise.all([
        attempt(KH.api(`/api/v1/agreements/${this.year}/allocations`)),
        summary ? { data: summary } : attempt(KH.api(`/api/v1/reports/${this.year}/summary`)),
        Promise.all(this.regions.list.map((r) => attempt(KH.api(`/api/v1/reports/${this.year}/${r.code}/status`)))),
      ]);
      this.allocations = allocations;
      this.summary = fetchedSummary;
      // One region's status that cannot be read leaves its row unknown; the grid fails only when none can be.
      const read = statuses.filter((s) => s.data);
      this.statusError = read.length ? null : statuses[0].error;
      this.statuses.clear();
      read.forEach((s) => this.statuses.set(s.data.regionCode, s.data));
    }

    render() {
      setTitle(`Årsöversikt ${this.year}`);
      const years = this.agreements.map((a) => a.year).sort((a, b) => b - a);
      const head = h('div', { class: 'page-head' },
        h('div', { class: 'page-head__text' },
          h('p', { class: 'eyebrow' }, this.latest ? 'Årsöversikt · senaste året med redovisningar' : 'Årsöversikt'),
          h('h1', {}, `Statsbidraget ${this.year}`),
          h('p', { class: 'lead' }, this.agreement.title)),
        h('nav', { 'aria-label': 'Välj år' }, h('ul', { class: 'pills' }, years.map((y) => h('li', {},
          h('a', { href: `/ar/${y}`, 'aria-current': y === this.year ? 'page' : null }, String(y)))))));
      this.sections.tiles = this.tiles();
      this.sections.agreement = this.agreementCard();
      this.sections.allocations = this.allocationCard();
      this.sections.reports = this.reportsCard();
      this.sections.spending = this.spendingCard();
      this.sections.targetGroups = this.targetGroupsCard();
      main.replaceChildren(head, ...Object.values(this.sections));
    }

    rerender(name) {
      const builder = {
        tiles: () => this.tiles(), allocations: () => this.allocationCard(), reports: () => this.reportsCard(),
        spending: () => this.spendingCard(), targetGroups: () => this.targetGroupsCard(),
        agreement: () => this.agreementCard(),
      }[name];
      this.sections[name] = KH.replace(this.sections[name], builder());
    }

    submittedCount() {
      return [...this.statuses.values()].filter((s) => s.status === 'SUBMITTED' || s.status === 'ACCEPTED').length;
    }

    tiles() {
      const allocations = this.allocations.data;
      const late = [...this.statuses.values()].filter((s) => s.late).length;
      return h('ul', { class: 'tiles', id: 'tiles', 'aria-label': 'Nyckeltal' },
        KH.tile('Statsbidrag enligt överenskommelsen', fmt.kr(this.agreement.totalSek)),
        KH.tile('Fördelat till regionerna', allocations ? fmt.kr(allocations.totalSek) : KH.DASH,
          allocations ? (allocations.status === 'PUBLISHED' ? `Publicerad, version ${allocations.version}` : 'Utkast, inte publicerad') : null),
        KH.tile('Redovisningar inskickade', this.statusError ? KH.DASH : `${this.submittedCount()} av ${this.regions.list.length}`,
          this.statusError ? null : `${late} ${late === 1 ? 'försenad' : 'försenade'}`),
        KH.tile('Sista dag för redovisning', fmt.day(this.agreement.reportingDeadline)));
    }

    agreementCard() {
      const a = this.agreement;
      const poolsSum = a.pools.reduce((sum, p) => sum + p.amountSek, 0);
      const rest = a.totalSek - poolsSum;
      const pools = KH.table({
        id: 'pools', caption: `Potter ${this.year}`, fileName: `potter-${this.year}.csv`, sortable: false,
        rows: a.pools,
        columns: [
          { key: 'code', label: 'Pott', header: true, cell: (p) => KH.word('pool', p.code), csv: (p) => KH.word('pool', p.code) },
          { key: 'keyKind', label: 'Fördelas efter', cell: (p) => KH.word('keyKind', p.keyKind), csv: (p) => KH.word('keyKind', p.keyKind) },
          { key: 'amountSek', label: 'Belopp', csvLabel: 'Belopp (kr)', num: true, cell: (p) => fmt.kr(p.amountSek), csv: (p) => p.amountSek },
        ],
        foot: [
          ...(rest > 0 ? [['Övrigt, utanför potterna', '', fmt.kr(rest)]] : []),
          ['Totalt', '', fmt.kr(a.totalSek)],
        ],
        csvFoot: [...(rest > 0 ? [['Övrigt, utanför potterna', '', rest]] : []), ['Totalt', '', a.totalSek]],
      });
      return card('agreement', 'Överenskommelsen',
        h('div', { class: 'split' },
          h('div', {}, pools,
            h('dl', { class: 'meta' }, h('dt', {}, 'Sista dag för redovisning'), h('dd', {}, fmt.day(a.reportingDeadline)))),
          h('div', {},
            h('h3', {}, `Insatsområden (${a.focusAreas.length})`),
            h('ol', { class: 'plain-list' }, a.focusAreas.map((f) => h('li', {}, f.name))),
            a.conditions && a.conditions.length ? [h('h3', {}, 'Villkor för medlen'),
              h('ul', { class: 'plain-list' }, a.conditions.map((c) => h('li', {}, c)))] : null)));
    }

    allocationCard() {
      if (this.allocations.error) {
        return card('allocations', 'Fördelning per region', KH.notice(KH.failure(this.allocations.error), 'warn'));
      }
      const allocation = this.allocations.data;
      const poolCodes = this.agreement.pools.map((p) => p.code);
      const rows = allocation.regions.map((r) => ({
        ...r, name: this.regions.name(r.regionCode),
        pool: Object.fromEntries(r.pools.map((p) => [p.code, p.amountSek])),
      }));
      const chartHolder = h('div', { class: 'chart-holder' });
      const drawChart = (sorted) => {
        chartHolder.replaceChildren(KH.charts.bars(sorted.map((r) => ({
          label: r.name, value: r.totalSek, text: fmt.mkr(r.totalSek),
        })), {
          label: `Stapeldiagram över tilldelningen ${this.year} per region, i samma ordning som tabellen. `
            + `Störst: ${maxBy(rows, (r) => r.totalSek).name}. Siffrorna finns i tabellen.`,
        }));
      };
      const table = KH.table({
        id: 'allocations-table', caption: `Tilldelning per region ${this.year}`, fileName: `tilldelning-${this.year}.csv`,
        rows, defaultSort: { key: 'total', dir: 'desc' }, onSort: drawChart,
        rowAttrs: (r) => ({ 'data-region': r.regionCode }),
        columns: [
          { key: 'regionCode', label: 'Kod', csvLabel: 'Regionkod', csvOnly: true },
          { key: 'name', label: 'Region', header: true, csv: (r) => r.name },
          ...poolCodes.map((code) => ({
            key: `pool-${code}`, label: KH.word('pool', code), csvLabel: `${KH.word('pool', code)} (kr)`, num: true,
            cell: (r) => fmt.kr(r.pool[code]), csv: (r) => r.pool[code], sort: (r) => r.pool[code],
          })),
          { key: 'total', label: 'Totalt', csvLabel: 'Totalt (kr)', num: true, cell: (r) => fmt.kr(r.totalSek), csv: (r) => r.totalSek, sort: (r) => r.totalSek },
        ],
        foot: [['Summa', ...poolCodes.map((code) => fmt.kr(sum(rows, (r) => r.pool[code]))), fmt.kr(allocation.totalSek)]],
        csvFoot: [['', 'Summa', ...poolCodes.map((code) => sum(rows, (r) => r.pool[code])), allocation.totalSek]],
      });
      const status = allocation.status === 'PUBLISHED'
        ? `Publicerad version ${allocation.version}${allocation.publishedAt ? `, ${fmt.date(allocation.publishedAt)}` : ''}.`
        : 'Utkast: fördelningen är inte publicerad ännu.';
      return card('allocations', 'Fördelning per region',
        h('p', { class: 'card__intro' }, `Varje pott fördelas i hela kronor efter sin nyckel. ${status} `
          + 'Diagrammet följer tabellens sortering.'),
        h('div', { class: 'split split--table' }, chartHolder, table));
    }

    reportsCard() {
      if (this.statusError) {
        return card('reports', 'Regionernas redovisningar', KH.notice(KH.failure(this.statusError), 'warn'));
      }
      const rows = this.regions.list.map((r) => ({ ...(this.statuses.get(r.code) || {}), regionCode: r.code, name: r.name }));
      const countOf = (status) => rows.filter((r) => r.status === status).length;
      const late = rows.filter((r) => r.late).length;
      const counts = h('ul', { class: 'counts', 'aria-label': 'Antal per status' },
        ['ACCEPTED', 'SUBMITTED', 'RETURNED', 'DRAFT', 'NOT_STARTED'].map((status) => h('li', {},
          KH.statusBadge(status), h('strong', { 'data-count': status }, String(countOf(status))))),
        h('li', {}, KH.badge('Försenade', 'badge--bad'), h('strong', { 'data-count': 'LATE' }, String(late))));
      const table = KH.table({
        id: 'reports-table', caption: `Redovisningar för ${this.year}, per region`, fileName: `redovisningar-${this.year}.csv`,
        rows, defaultSort: { key: 'regionCode', dir: 'asc' },
        rowAttrs: (r) => ({ 'data-region': r.regionCode, 'data-status': r.status, class: this.updated.has(r.regionCode) ? 'is-updated' : null }),
        columns: [
          { key: 'regionCode', label: 'Kod', csvLabel: 'Regionkod', csv: (r) => r.regionCode },
          { key: 'name', label: 'Region', header: true },
          { key: 'status', label: 'Status', cell: (r) => KH.statusBadge(r.status), csv: (r) => KH.word('reportStatus', r.status), sort: (r) => KH.word('reportStatus', r.status) },
          { key: 'submittedAt', label: 'Inskickad', cell: (r) => fmt.date(r.submittedAt), csv: (r) => (r.submittedAt ? r.submittedAt.slice(0, 10) : null), sort: (r) => r.submittedAt },
          { key: 'late', label: 'Försenad', cell: (r) => (r.late ? KH.badge('Försenad', 'badge--bad') : r.submittedAt ? 'Nej' : KH.DASH), csv: (r) => (r.submittedAt ? r.late : null), sort: (r) => (r.late ? 1 : 0) },
          { key: 'reviewedAt', label: 'Granskad', cell: (r) => fmt.date(r.reviewedAt), csv: (r) => (r.reviewedAt ? r.reviewedAt.slice(0, 10) : null), sort: (r) => r.reviewedAt },
          { key: 'split', label: 'Kostnader per insatsområde', cell: (r) => KH.word('split', r.spendingSplitStatus), csv: (r) => (r.spendingSplitStatus ? KH.word('split', r.spendingSplitStatus) : null), sort: (r) => r.spendingSplitStatus },
        ],
      });
      this.updated.clear();
      return card('reports', 'Regionernas redovisningar',
        h('p', { class: 'card__intro' }, `Var regionernas redovisningar för ${this.year} står. `
          + `Sidan uppdateras av sig själv när en region skickar in eller när en redovisning granskas.`),
        counts, table);
    }

    spendingCard() {
      if (this.summary.error) {
        return card('spending', 'Så användes pengarna', KH.notice(KH.failure(this.summary.error), 'warn'));
      }
      const s = this.summary.data;
      const included = (s.includedRegions || []).length;
      const content = [];
      if (!s.focusAreas || !s.focusAreas.length || !included) {
        content.push(KH.notice(`Ingen region har ännu redovisat sina kostnader per insatsområde för ${this.year}.`));
      } else {
        content.push(h('p', { class: 'card__intro' }, `Fördelningen över insatsområdena bygger på de ${included} regioner `
          + `som kunnat fördela sina kostnader per område, sammanlagt ${fmt.kr(s.splitTotalSek)}. `
          + 'Andelarna är viktade efter belopp.'));
        const areas = s.focusAreas.slice().sort((a, b) => b.amountSek - a.amountSek);
        const chart = KH.charts.bars(areas.map((f) => ({ label: f.name, value: Number(f.sharePercent), text: fmt.pct(f.sharePercent) })), {
          stacked: true, max: Math.max(...areas.map((f) => Number(f.sharePercent))),
          label: `Stapeldiagram: andel av kostnaderna per insatsområde ${this.year}. Störst: ${areas[0].name}, `
            + `${fmt.pct(areas[0].sharePercent)}. Siffrorna finns i tabellen.`,
        });
        const table = KH.table({
          id: 'spending-table', caption: `Kostnader per insatsområde ${this.year} (${included} regioner)`,
          fileName: `kostnader-per-insatsomrade-${this.year}.csv`, rows: areas, defaultSort: { key: 'amountSek', dir: 'desc' },
          columns: [
            { key: 'name', label: 'Insatsområde', header: true },
            { key: 'amountSek', label: 'Belopp', csvLabel: 'Belopp (kr)', num: true, cell: (f) => fmt.kr(f.amountSek), csv: (f) => f.amountSek },
            { key: 'sharePercent', label: 'Andel', csvLabel: 'Andel (%)', num: true, cell: (f) => fmt.pct(f.sharePercent), csv: (f) => Number(f.sharePercent), sort: (f) => Number(f.sharePercent) },
          ],
          foot: [['Summa', fmt.kr(s.splitTotalSek), '']],
          csvFoot: [['Summa', s.splitTotalSek, null]],
        });
        content.push(h('div', { class: 'split' }, chart, table));
      }
      const excluded = (s.excludedRegions || []).map((e) => ({ ...e, name: this.regions.name(e.regionCode) }));
      if (excluded.length) {
        content.push(h('h3', {}, `Regioner som inte ingår i fördelningen (${excluded.length})`));
        content.push(KH.table({
          id: 'excluded-table', caption: `Regioner utanför fördelningen ${this.year} och skälen`,
          fileName: `regioner-utanfor-fordelningen-${this.year}.csv`, rows: excluded,
          rowAttrs: (e) => ({ 'data-region': e.regionCode }),
          columns: [
            { key: 'regionCode', label: 'Kod', csvLabel: 'Regionkod' },
            { key: 'name', label: 'Region', header: true },
            { key: 'reason', label: 'Skäl', cell: (e) => KH.word('exclusion', e.reason), csv: (e) => KH.word('exclusion', e.reason) },
            { key: 'statedReason', label: 'Regionens förklaring', cell: (e) => e.statedReason || KH.DASH },
            { key: 'status', label: 'Status', cell: (e) => KH.statusBadge(e.status), csv: (e) => KH.word('reportStatus', e.status) },
          ],
        }));
      }
      return card('spending', 'Så användes pengarna', content);
    }

    targetGroupsCard() {
      if (this.summary.error) {
        return card('target-groups', 'Insatsernas målgrupper', KH.notice(KH.failure(this.summary.error), 'warn'));
      }
      const s = this.summary.data;
      const groups = (s.targetGroups || []).slice().sort((a, b) => b.activityCount - a.activityCount);
      if (!groups.length) {
        return card('target-groups', 'Insatsernas målgrupper',
          KH.notice(`Inga insatser är redovisade för ${this.year} ännu.`));
      }
      const chart = KH.charts.bars(groups.map((g) => ({
        label: KH.word('targetGroup', g.code), value: g.activityCount, text: `${fmt.int(g.activityCount)} (${fmt.pct(g.sharePercent)})`,
      })), {
        label: `Stapeldiagram: antal insatser per målgrupp ${this.year}. Flest: ${KH.word('targetGroup', groups[0].code)}. `
          + 'Siffrorna finns i tabellen.',
      });
      const table = KH.table({
        id: 'target-groups-table', caption: `Insatser per målgrupp ${this.year}`, fileName: `malgrupper-${this.year}.csv`,
        rows: groups, defaultSort: { key: 'activityCount', dir: 'desc' },
        columns: [
          { key: 'code', label: 'Målgrupp', header: true, cell: (g) => KH.word('targetGroup', g.code), csv: (g) => KH.word('targetGroup', g.code), sort: (g) => KH.word('targetGroup', g.code) },
          { key: 'activityCount', label: 'Insatser', csvLabel: 'Antal insatser', num: true, cell: (g) => fmt.int(g.activityCount) },
          { key: 'sharePercent', label: 'Andel av insatserna', csvLabel: 'Andel av insatserna (%)', num: true, cell: (g) => fmt.pct(g.sharePercent), csv: (g) => Number(g.sharePercent), sort: (g) => Number(g.sharePercent) },
        ],
      });
      return card('target-groups', 'Insatsernas målgrupper',
        h('p', { class: 'card__intro' }, `${fmt.int(s.activities)} insatser i de inskickade redovisningarna. `
          + 'En insats kan rikta sig till flera målgrupper, så andelarna summerar till mer än 100 %.'),
        h('div', { class: 'split' }, chart, table));
    }

    onEvent(event) {
      const [year, region] = (event.subject || '').split('/');
      const type = event.type;
      if (type.includes('.report.')) {
        if (!event.subject) this.pending.add('*');
        else if (year === String(this.year) && region) this.pending.add(region);
      } else if (type.includes('.allocation.published') || type.includes('.agreement.changed')) {
        if (!event.subject || year === String(this.year)) this.pending.add('*');
      } else {
        return;
      }
      this.flush();
    }

    async refreshPending() {
      const regions = [...this.pending];
      this.pending.clear();
      if (!regions.length) return;
      if (regions.includes('*')) {
        await this.refreshAll();
        return;
      }
      const [statuses, summary] = await Promise.all([
        Promise.all(regions.map((code) => attempt(KH.api(`/api/v1/reports/${this.year}/${code}/status`)))),
        attempt(KH.api(`/api/v1/reports/${this.year}/summary`)),
      ]);
      for (const status of statuses.filter((s) => s.data).map((s) => s.data)) {
        const before = this.statuses.get(status.regionCode);
        this.statuses.set(status.regionCode, status);
        this.updated.add(status.regionCode);
        if (!before || before.status !== status.status) {
          KH.announce(`${this.regions.name(status.regionCode)}: redovisningen för ${this.year} är nu `
            + `${KH.word('reportStatus', status.status).toLowerCase()}.`);
        }
      }
      this.summary = summary;
      ['tiles', 'reports', 'spending', 'targetGroups'].forEach((name) => this.rerender(name));
    }

    async refreshAll() {
      try {
        const agreements = await KH.api('/api/v1/agreements');
        const agreement = agreements.find((a) => a.year === this.year);
        if (agreement) {
          this.agreements = agreements;
          this.agreement = agreement;
        }
      } catch (e) {
        // The agreement as shown stays; the parts below say what could not be fetched.
      }
      await this.load();
      Object.keys(this.sections).forEach((name) => this.rerender(name));
    }
  }

  /** The latest agreement year with at least one submitted report; else the latest agreement year. */
  async function latestYearWithReports(years) {
    for (const year of years) {
      const summary = await KH.api(`/api/v1/reports/${year}/summary`);
      if (summary.submitted > 0) return { year, summary };
    }
    return { year: years[0], summary: null };
  }

  async function yearPage(requestedYear) {
    markNav('year');
    const [agreements, regions] = await Promise.all([KH.api('/api/v1/agreements'), KH.regions()]);
    const years = agreements.map((a) => a.year).sort((a, b) => b - a);
    if (!years.length) {
      setTitle('Årsöversikt');
      main.replaceChildren(h('h1', {}, 'Årsöversikt'), KH.notice('Det finns ingen överenskommelse ännu.'));
      ready();
      return;
    }
    let year = requestedYear;
    let summary = null;
    if (year == null) ({ year, summary } = await latestYearWithReports(years));
    if (!years.includes(year)) {
      setTitle(`Årsöversikt ${year}`);
      main.replaceChildren(h('h1', {}, `Årsöversikt ${year}`),
        KH.notice(`Det finns ingen överenskommelse för ${year}.`),
        h('p', {}, 'Välj ett år: '), h('ul', { class: 'pills' }, years.map((y) => h('li', {}, h('a', { href: `/ar/${y}` }, String(y))))));
      ready();
      return;
    }
    const view = new YearPage(year, requestedYear == null, agreements, regions);
    await view.load(summary);
    view.render();
    ready();
    KH.live((event) => view.onEvent(event), () => view.refreshAll());
  }

  // =================================================================== indicators
  const COMPARE_DEFAULT = ['EDU_HIGHER', 'EDU_PRIMARY'];

  class IndicatorPage {
    constructor(catalog, regions) {
      this.catalog = catalog;
      this.regions = regions;
      this.refresh = KH.debounce(() => this.loadData(), EVENT_DEBOUNCE_MS);
    }

    readUrl() {
      const params = new URLSearchParams(location.search);
      const code = decodeURIComponent(location.pathname.split('/')[2] || '').toUpperCase();
      this.indicator = this.catalog.find((i) => i.code === code) || null;
      this.code = code;
      const groups = this.indicator ? this.indicator.groups : [];
      const group = params.get('grupp');
      this.group = group && groups.includes(group) ? group : 'ALL';
      this.period = params.get('period') || null;
      const compare = (params.get('jamfor') || '').split(',').filter((g) => groups.includes(g));
      const others = groups.filter((g) => g !== 'ALL');
      this.compare = compare.length === 2 && compare[0] !== compare[1] ? compare
        : COMPARE_DEFAULT.every((g) => groups.includes(g)) ? COMPARE_DEFAULT.slice() : others.slice(0, 2);
      const region = params.get('region');
      this.seriesRegion = region && (region === 'SE' || this.regions.byCode.has(region)) ? region : 'SE';
    }

    url() {
      const params = new URLSearchParams();
      if (this.period) params.set('period', this.period);
      if (this.group !== 'ALL') params.set('grupp', this.group);
      if (this.compare.length === 2) params.set('jamfor', this.compare.join(','));
      if (this.seriesRegion !== 'SE') params.set('region', this.seriesRegion);
      const query = params.toString();
      return `/indikatorer/${encodeURIComponent(this.code)}${query ? `?${query}` : ''}`;
    }

    async render() {
      markNav('indicator');
      this.readUrl();
      if (!this.indicator) {
        setTitle('Indikatorn finns inte');
        main.replaceChildren(h('h1', {}, 'Indikatorn finns inte'),
          KH.notice(`Det finns ingen indikator med koden ${this.code}.`), indicatorList(this.catalog));
        ready();
        return;
      }
      const i = this.indicator;
      setTitle(i.name);
      this.periods = await this.loadPeriods();
      this.dataHolder = h('div', { id: 'indicator-data' }, h('p', { class: 'loading' }, 'Hämtar värden …'));
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('div', { class: 'page-head__text' },
          h('p', { class: 'eyebrow' }, 'Indikator'),
          h('h1', {}, i.name),
          h('p', { class: 'lead' }, i.description || ''),
          h('p', { class: 'small muted' }, `Källa: ${i.source || KH.DASH} · Målvärde: ${fmt.target(i.target, i.unit)}`))),
        this.controls(),
        this.dataHolder);
      await this.loadData();
      ready();
    }

    async loadPeriods() {
      const national = await KH.api(`/api/v1/indicators/${this.code}/series?regionCode=SE`);
      return [...new Set(national.map((p) => p.period))].sort().reverse();
    }

    controls() {
      const i = this.indicator;
      const periods = this.periods;
      const select = (id, label, options, selected) => h('div', { class: 'field' },
        h('label', { for: id }, label),
        h('select', { id, name: id }, options.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
      const form = h('form', { class: 'controls', 'aria-label': 'Välj indikator, period och grupp', action: `/indikatorer/${i.code}` },
        select('val-indikator', 'Indikator', this.catalog.map((c) => [c.code, c.name]), i.code),
        select('val-period', 'Period', [['', 'Senaste perioden'], ...periods.map((p) => [p, `${fmt.period(p)} (${fmt.periodLong(p)})`])], this.period || ''),
        select('val-grupp', 'Grupp', i.groups.map((g) => [g, KH.word('group', g)]), this.group),
        h('button', { type: 'submit', class: 'button button--primary' }, 'Visa'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const code = form.elements['val-indikator'].value;
        if (code !== this.code) {
          history.pushState(null, '', `/indikatorer/${encodeURIComponent(code)}`);
          this.render();
          return;
        }
        this.period = form.elements['val-period'].value || null;
        this.group = form.elements['val-grupp'].value;
        history.pushState(null, '', this.url());
        this.loadData();
      });
      return form;
    }

    async loadData() {
      const code = this.code;
      const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v != null)).toString();
      if (this.period && !this.periods.includes(this.period)) {
        // Not asked of the API: a period that is not in the list is a mistyped or an old address.
        this.dataHolder = KH.replace(this.dataHolder, h('div', { id: 'indicator-data' }, KH.notice(
          `Det finns inga värden för perioden ”${this.period}”. Välj en period i listan ovan.`, 'warn')));
        return;
      }
      let values;
      try {
        values = await KH.api(`/api/v1/indicators/${code}/values?${query({ period: this.period, group: this.group })}`);
      } catch (error) {
        this.dataHolder = KH.replace(this.dataHolder, h('div', { id: 'indicator-data' }, KH.notice(KH.failure(error), 'error')));
        return;
      }
      const label = `${KH.word('group', this.group).toLowerCase()}${this.period ? `, ${fmt.period(this.period)}` : ''}`;
      if (!values.length) {
        this.dataHolder = KH.replace(this.dataHolder, h('div', { id: 'indicator-data' },
          KH.notice(`Det finns inga värden för ${label} ännu.`)));
        return;
      }
      const period = values[0].period;
      const [summary, gaps, series] = await Promise.all([
        attempt(KH.api(`/api/v1/indicators/${code}/summary?${query({ period, group: this.group })}`)),
        attempt(this.loadGaps(period)),
        attempt(this.loadSeries()),
      ]);
      this.dataHolder = KH.replace(this.dataHolder, h('div', { id: 'indicator-data' },
        this.summaryTiles(summary, period),
        this.valuesCard(values, period, summary),
        this.gapsCard(gaps, period),
        this.seriesCard(series)));
    }

    async loadGaps(period) {
      if (this.compare.length !== 2) return null;
      const [a, b] = this.compare;
      // Asked only when both groups have values: the API answers 404 otherwise, which is no error for the page.
      const [valuesA, valuesB] = await Promise.all(this.compare.map((g) => KH.api(
        `/api/v1/indicators/${this.code}/values?period=${encodeURIComponent(period)}&group=${g}`)));
      if (!valuesA.length || !valuesB.length) return { missing: true };
      return KH.api(`/api/v1/indicators/${this.code}/gaps?period=${encodeURIComponent(period)}&groups=${a},${b}`);
    }

    async loadSeries() {
      const region = this.seriesRegion;
      const [own, national] = await Promise.all([
        KH.api(`/api/v1/indicators/${this.code}/series?regionCode=${region}&group=${this.group}`),
        region === 'SE' ? Promise.resolve(null) : KH.api(`/api/v1/indicators/${this.code}/series?regionCode=SE&group=${this.group}`),
      ]);
      return { own, national };
    }

    summaryTiles(summary, period) {
      if (summary.error) return KH.notice(KH.failure(summary.error), 'warn');
      const s = summary.data;
      const unit = this.indicator.unit;
      const names = (list) => (list || []).map((r) => this.regions.name(r.regionCode)).join(', ');
      const national = s.national || {};
      return h('ul', { class: 'tiles', id: 'indicator-tiles', 'aria-label': 'Nyckeltal' },
        KH.tile(`Riket ${fmt.period(period)}`, fmt.value(national.value, unit), national.origin ? `Värdet är ${KH.word('origin', national.origin)}` : null),
        KH.tile('Förändring', fmt.pp(s.change), s.previousPeriod ? `Från ${fmt.value(s.previousNational, unit)} ${fmt.period(s.previousPeriod)}` : 'Ingen tidigare period'),
        KH.tile('Regioner som når målvärdet', s.regionsMeetingTarget ? `${s.regionsMeetingTarget.count} av ${s.regionsMeetingTarget.of}` : KH.DASH,
          `Målvärde: ${fmt.target(s.target || this.indicator.target, unit)}`),
        KH.tile('Lägst', s.lowest && s.lowest.length ? fmt.value(s.lowest[0].value, unit) : KH.DASH, names(s.lowest)),
        KH.tile('Högst', s.highest && s.highest.length ? fmt.value(s.highest[0].value, unit) : KH.DASH, names(s.highest)));
    }

    valuesCard(values, period, summary) {
      const i = this.indicator;
      const unit = i.unit;
      const target = (summary.data && summary.data.target) || i.target;
      const rows = values.map((v) => ({ ...v, name: v.regionName || this.regions.name(v.regionCode) }));
      const suppressedCount = rows.filter((r) => r.suppressed).length;
      const hasClinics = rows.some((r) => r.clinicMin != null || r.clinicMax != null);
      const reasonOf = KH.reason;
      const chartRows = rows.slice().sort((a, b) => (b.value == null) - (a.value == null) || (b.value || 0) - (a.value || 0));
      const chart = KH.charts.bars(chartRows.map((r) => ({
        label: r.name, value: r.suppressed ? null : r.value,
        text: r.suppressed ? `${KH.DASH} ${reasonOf(r)}` : `${fmt.value(r.value, unit)}${r.meetsTarget ? ' ✓' : ''}`,
        state: r.suppressed || r.value == null ? 'none' : r.meetsTarget === true ? 'ok' : r.meetsTarget === false ? 'miss' : null,
      })), {
        max: unit === 'PERCENT' ? PERCENT_MAX : null,
        target: target ? { value: target.value } : null,
        wide: true,
        label: `Stapeldiagram: ${i.name}, ${KH.word('group', this.group).toLowerCase()}, ${fmt.period(period)}, per region`
          + `${target ? `, med målvärdet ${fmt.target(target, unit)} som streckad linje` : ''}. Siffrorna finns i tabellen.`,
        legend: [
          ...(target ? [{ swatch: 'swatch--ok', label: 'Når målvärdet (✓)' }, { swatch: 'swatch--miss', label: 'Når inte målvärdet' },
            { swatch: 'swatch--target', label: `Målvärde ${fmt.target(target, unit)}` }] : []),
          ...(suppressedCount ? [{ swatch: '', label: `${KH.DASH} = ${KH.SUPPRESSED_REASON}` }] : []),
        ],
      });
      const columns = [
        { key: 'regionCode', label: 'Kod', csvLabel: 'Regionkod' },
        { key: 'name', label: 'Region', header: true },
        {
          key: 'value', label: `Värde ${fmt.period(period)}`, csvLabel: 'Värde', num: true,
          cell: (r) => (r.suppressed ? KH.suppressed(reasonOf(r)) : fmt.value(r.value, unit)), csv: (r) => (r.suppressed ? null : r.value),
        },
        { key: 'previousValue', label: 'Föregående', csvLabel: 'Föregående period', num: true, cell: (r) => fmt.value(r.previousValue, unit) },
        { key: 'change', label: 'Förändring', csvLabel: 'Förändring (procentenheter)', num: true, cell: (r) => fmt.pp(r.change) },
      ];
      if (hasClinics) {
        columns.push({
          key: 'clinics', label: 'Spridning mellan mottagningar', csvLabel: 'Lägst bland mottagningarna', num: true,
          cell: (r) => (r.clinicMin == null && r.clinicMax == null ? KH.DASH : `${fmt.num(r.clinicMin)}–${fmt.num(r.clinicMax)}`),
          csv: (r) => r.clinicMin, sort: (r) => (r.clinicMax == null ? null : r.clinicMax - r.clinicMin),
        });
        columns.push({ key: 'clinicMax', label: 'Högst', csvLabel: 'Högst bland mottagningarna', csvOnly: true });
      }
      if (target) {
        columns.push({ key: 'meetsTarget', label: 'Når målet', cell: (r) => KH.mark(r.meetsTarget), csv: (r) => r.meetsTarget, sort: (r) => (r.meetsTarget == null ? null : r.meetsTarget ? 1 : 0) });
      }
      columns.push({ key: 'note', label: 'Anmärkning', csvOnly: true, csv: (r) => (r.suppressed ? `Dolt: ${reasonOf(r)}` : null) });
      const table = KH.table({
        id: 'values-table', caption: `${i.name}, ${KH.word('group', this.group).toLowerCase()}, ${fmt.period(period)}, per region`,
        fileName: `${i.code.toLowerCase()}-${fmt.period(period).replace('/', '-')}-${this.group.toLowerCase()}.csv`,
        rows, defaultSort: { key: 'value', dir: 'desc' },
        rowAttrs: (r) => ({ 'data-region': r.regionCode, 'data-suppressed': r.suppressed ? 'true' : null }),
        columns,
        note: suppressedCount ? KH.SUPPRESSED_NOTE : null,
      });
      return card('values', `Värde per region, ${fmt.period(period)}`,
        h('p', { class: 'card__intro' }, `${KH.word('group', this.group)}. ${fmt.periodLong(period)}.`),
        chart, table);
    }

    gapsCard(gaps, period) {
      const i = this.indicator;
      const others = i.groups.filter((g) => g !== 'ALL');
      if (others.length < 2) return null;
      const [a, b] = this.compare;
      const select = (id, label, selected) => h('div', { class: 'field' }, h('label', { for: id }, label),
        h('select', { id, name: id }, others.map((g) => h('option', { value: g, selected: g === selected }, KH.word('group', g)))));
      const form = h('form', { class: 'controls', 'aria-label': 'Välj grupper att jämföra' },
        select('jamfor-a', 'Grupp A', a), select('jamfor-b', 'Grupp B', b),
        h('button', { type: 'submit', class: 'button', 'data-focus-key': 'gaps-submit' }, 'Jämför'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.compare = [form.elements['jamfor-a'].value, form.elements['jamfor-b'].value];
        history.pushState(null, '', this.url());
        this.loadData();
      });
      const content = [h('p', { class: 'card__intro' }, `Skillnaden mellan två grupper av kvinnor i procentenheter (A minus B), `
        + 'störst skillnad först, med skillnaden perioden innan.'), form];
      if (a === b) {
        content.push(KH.notice('Välj två olika grupper.'));
      } else if (gaps.error) {
        content.push(KH.notice(KH.failure(gaps.error), 'warn'));
      } else if (!gaps.data || gaps.data.missing) {
        content.push(KH.notice(`Det finns inga värden för både ${KH.word('group', a).toLowerCase()} och `
          + `${KH.word('group', b).toLowerCase()} ${fmt.period(period)}.`));
      } else {
        const g = gaps.data;
        const rows = g.regions.map((r) => ({ ...r, name: this.regions.name(r.regionCode) }));
        if (g.national) {
          content.push(h('p', {}, h('strong', {}, `Riket: ${fmt.pp(g.national.gap)}`),
            g.national.previousGap != null ? ` (perioden innan ${fmt.pp(g.national.previousGap)})` : ''));
        }
        const chart = KH.charts.bars(rows.map((r) => ({
          label: r.name, value: r.gap == null ? null : Math.abs(r.gap), text: fmt.pp(r.gap), state: r.gap == null ? 'none' : null,
          previous: r.previousGap == null ? null : Math.abs(r.previousGap),
        })), {
          wide: true,
          legend: [{ swatch: '', label: fmt.period(period) }, { swatch: 'swatch--line2', label: `Perioden innan${g.previousPeriod ? ` (${fmt.period(g.previousPeriod)})` : ''}` }],
          label: `Stapeldiagram: skillnaden mellan ${KH.word('group', a).toLowerCase()} och ${KH.word('group', b).toLowerCase()} per region, `
            + 'störst först. Siffrorna finns i tabellen.',
        });
        const table = KH.table({
          id: 'gaps-table', caption: `Skillnad i procentenheter, A (${KH.word('group', a).toLowerCase()}) minus B (${KH.word('group', b).toLowerCase()}), ${fmt.period(period)}`,
          fileName: `${i.code.toLowerCase()}-skillnad-${a.toLowerCase()}-${b.toLowerCase()}.csv`, rows,
          rowAttrs: (r) => ({ 'data-region': r.regionCode }),
          columns: [
            { key: 'regionCode', label: 'Kod', csvLabel: 'Regionkod' },
            { key: 'name', label: 'Region', header: true },
            { key: 'valueA', label: 'Grupp A', csvLabel: KH.word('group', a), num: true, cell: (r) => fmt.value(r.valueA, i.unit) },
            { key: 'valueB', label: 'Grupp B', csvLabel: KH.word('group', b), num: true, cell: (r) => fmt.value(r.valueB, i.unit) },
            { key: 'gap', label: 'Skillnad', csvLabel: 'Skillnad (procentenheter)', num: true, cell: (r) => fmt.pp(r.gap), sort: (r) => (r.gap == null ? null : Math.abs(r.gap)) },
            { key: 'previousGap', label: 'Perioden innan', csvLabel: 'Skillnad perioden innan (procentenheter)', num: true, cell: (r) => fmt.pp(r.previousGap) },
            { key: 'change', label: 'Förändring', csvLabel: 'Förändring (procentenheter)', num: true, cell: (r) => fmt.pp(r.change) },
          ],
        });
        content.push(chart, table);
      }
      return card('gaps', 'Jämlikhet: skillnad mellan grupper', content);
    }

    seriesCard(series) {
      const i = this.indicator;
      const region = this.seriesRegion;
      const form = h('form', { class: 'controls', 'aria-label': 'Välj region för tidsserien' },
        h('div', { class: 'field' }, h('label', { for: 'serie-region' }, 'Region'),
          h('select', { id: 'serie-region', name: 'serie-region' },
            h('option', { value: 'SE', selected: region === 'SE' }, 'Riket'),
            this.regions.list.map((r) => h('option', { value: r.code, selected: r.code === region }, r.name)))),
        h('button', { type: 'submit', class: 'button', 'data-focus-key': 'series-submit' }, 'Visa'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.seriesRegion = form.elements['serie-region'].value;
        history.pushState(null, '', this.url());
        this.loadData();
      });
      const name = this.regions.name(region);
      const content = [form];
      if (series.error) {
        content.push(KH.notice(KH.failure(series.error), 'warn'));
      } else if (!series.data.own.length) {
        content.push(KH.notice(`${name} har inga värden för ${KH.word('group', this.group).toLowerCase()}.`));
      } else {
        const own = series.data.own;
        const national = series.data.national;
        const nationalBy = new Map((national || []).map((p) => [p.period, p]));
        const chartSeries = [{ name, points: own.map((p) => ({ x: fmt.period(p.period), value: p.suppressed ? null : p.value })) }];
        if (national) {
          chartSeries.push({ name: 'Riket', points: own.map((p) => ({ x: fmt.period(p.period), value: (nationalBy.get(p.period) || {}).value })) });
        }
        const values = own.filter((p) => !p.suppressed && p.value != null);
        content.push(KH.charts.line(chartSeries, {
          format: (v) => fmt.dec(v),
          target: i.target ? { value: i.target.value } : null,
          label: `Linjediagram: ${i.name} i ${name} över ${own.length} perioder`
            + (values.length ? `, från ${fmt.value(values[0].value, i.unit)} till ${fmt.value(values[values.length - 1].value, i.unit)}` : '')
            + '. Siffrorna finns i tabellen.',
          legend: [{ swatch: 'swatch--line', label: name }, ...(national ? [{ swatch: 'swatch--line2', label: 'Riket' }] : []),
            ...(i.target ? [{ swatch: 'swatch--target', label: `Målvärde ${fmt.target(i.target, i.unit)}` }] : [])],
        }));
        const rows = own.map((p) => ({ ...p, national: (nationalBy.get(p.period) || {}).value }));
        const columns = [
          { key: 'period', label: 'Period', header: true, cell: (p) => `${fmt.period(p.period)} (${fmt.periodLong(p.period)})`, csv: (p) => p.period },
          { key: 'value', label: name, csvLabel: `${name} värde`, num: true, cell: (p) => (p.suppressed ? KH.suppressed(KH.reason(p)) : fmt.value(p.value, i.unit)), csv: (p) => (p.suppressed ? null : p.value) },
        ];
        if (national) columns.push({ key: 'national', label: 'Riket', csvLabel: 'Riket värde', num: true, cell: (p) => fmt.value(p.national, i.unit) });
        if (i.target) columns.push({ key: 'meetsTarget', label: 'Når målet', cell: (p) => KH.mark(p.meetsTarget), csv: (p) => p.meetsTarget });
        content.push(KH.table({
          id: 'series-table', caption: `${i.name} över tid, ${name}`, fileName: `${i.code.toLowerCase()}-tidsserie-${region.toLowerCase()}.csv`,
          rows, defaultSort: { key: 'period', dir: 'asc' }, columns,
        }));
      }
      return card('series', `Över tid: ${name}`, content);
    }
  }

  function indicatorList(catalog) {
    return h('ul', { class: 'link-grid' }, catalog.map((i) => h('li', {}, h('a', { class: 'link-card', href: `/indikatorer/${i.code}` },
      h('span', { class: 'link-card__title' }, i.name),
      h('span', { class: 'link-card__text' }, `Målvärde: ${fmt.target(i.target, i.unit)}`),
      h('span', { class: 'link-card__text' }, `Källa: ${i.source || KH.DASH}`)))));
  }

  async function indicatorsPage() {
    markNav('indicator');
    setTitle('Indikatorer');
    const catalog = await KH.api('/api/v1/indicators');
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('div', { class: 'page-head__text' },
        h('p', { class: 'eyebrow' }, 'Indikatorer'), h('h1', {}, 'Registrens indikatorer'),
        h('p', { class: 'lead' }, 'Värden per region och period jämförda med de nationella målvärdena. Välj en indikator.'))),
      indicatorList(catalog));
    ready();
  }

  async function indicatorPage() {
    const [catalog, regions] = await Promise.all([KH.api('/api/v1/indicators'), KH.regions()]);
    const view = new IndicatorPage(catalog, regions);
    window.addEventListener('popstate', () => view.render());
    await view.render();
    KH.live((event) => {
      if (event.type.includes('.indicator.') && (!event.subject || event.subject === view.code)) view.refresh();
    }, () => view.refresh());
  }

  // =================================================================== regions
  class RegionPage {
    constructor(code, year, regions, agreements) {
      this.code = code;
      this.year = year;
      this.regions = regions;
      this.agreements = agreements;
      this.refresh = KH.debounce(() => this.reload(), EVENT_DEBOUNCE_MS);
    }

    async load() {
      this.overview = await KH.api(`/api/v1/overview/regions/${this.code}${this.year ? `?year=${this.year}` : ''}`);
      this.year = this.overview.year;
    }

    async reload() {
      try {
        await this.load();
        this.content = KH.replace(this.content, this.body());
      } catch (error) {
        this.content = KH.replace(this.content, h('div', { id: 'region-content' }, KH.notice(KH.failure(error), 'error')));
      }
    }

    render() {
      const o = this.overview;
      setTitle(`${o.name || this.code} ${this.year}`);
      const years = this.agreements.map((a) => a.year).sort((a, b) => b - a);
      const picker = h('form', { class: 'controls', 'aria-label': 'Välj region', action: '/regioner' },
        h('div', { class: 'field' }, h('label', { for: 'val-region' }, 'Region'),
          h('select', { id: 'val-region', name: 'region' }, this.regions.list.map((r) => h('option', { value: r.code, selected: r.code === this.code }, r.name)))),
        h('button', { type: 'submit', class: 'button button--primary' }, 'Visa'));
      picker.addEventListener('submit', (e) => {
        e.preventDefault();
        location.assign(`/regioner/${picker.elements.region.value}?ar=${this.year}`);
      });
      this.content = this.body();
      main.replaceChildren(
        h('div', { class: 'page-head' },
          h('div', { class: 'page-head__text' },
            h('p', { class: 'eyebrow' }, `Region · länskod ${this.code}`),
            h('h1', {}, o.officialName || o.name || this.code),
            h('p', { class: 'lead' }, `Pengarna, beslutet om fördelningen, villkoren, redovisningen och indikatorerna för ${this.year}.`)),
          h('nav', { 'aria-label': 'Välj år' }, h('ul', { class: 'pills' }, years.map((y) => h('li', {},
            h('a', { href: `/regioner/${this.code}?ar=${y}`, 'aria-current': y === this.year ? 'page' : null }, String(y))))))),
        picker,
        this.content);
    }

    body() {
      const o = this.overview;
      const unavailable = () => KH.notice('Uppgiften kan inte visas just nu: tjänsten som har den svarar inte. Sidan försöker igen vid nästa uppdatering.', 'warn');
      const allocation = o.allocation;
      const report = o.report;
      const conditions = o.conditions;
      const indicators = o.indicators.available ? o.indicators.values || [] : null;
      const met = indicators ? indicators.filter((v) => v.meetsTarget === true).length : null;
      const withTarget = indicators ? indicators.filter((v) => v.target).length : null;
      const tiles = h('ul', { class: 'tiles', id: 'region-tiles', 'aria-label': 'Nyckeltal' },
        KH.tile(`Tilldelning ${this.year}`, allocation.available ? fmt.kr(allocation.totalSek) : KH.DASH,
          allocation.available ? (allocation.status === 'PUBLISHED' ? 'Publicerad' : allocation.status === 'NO_AGREEMENT' ? 'Ingen överenskommelse' : 'Utkast') : 'Kan inte visas just nu'),
        KH.tile('Redovisning', report.available ? KH.statusBadge(report.status) : KH.DASH,
          report.available && report.submittedAt ? `Inskickad ${fmt.date(report.submittedAt)}${report.late ? ', försenad' : ''}` : null),
        KH.tile('Kompetensförsörjningsplan', conditions.available && conditions.workforcePlan ? KH.word('conditionStatus', conditions.workforcePlan.status) : KH.DASH,
          'Villkor för medlen'),
        KH.tile('Indikatorer som når målvärdet', indicators ? `${met} av ${withTarget}` : KH.DASH));

      const money = [];
      if (!allocation.available) money.push(unavailable());
      else if (allocation.status === 'NO_AGREEMENT') money.push(KH.notice(`Det finns ingen överenskommelse för ${this.year}.`));
      else {
        money.push(KH.table({
          id: 'region-pools', caption: `Tilldelning ${this.year} per pott`, fileName: `tilldelning-${this.code}-${this.year}.csv`, sortable: false,
          rows: allocation.pools || [],
          columns: [
            { key: 'code', label: 'Pott', header: true, cell: (p) => KH.word('pool', p.code), csv: (p) => KH.word('pool', p.code) },
            { key: 'amountSek', label: 'Belopp', csvLabel: 'Belopp (kr)', num: true, cell: (p) => fmt.kr(p.amountSek) },
          ],
          foot: [['Totalt', fmt.kr(allocation.totalSek)]], csvFoot: [['Totalt', allocation.totalSek]],
        }));
      }
      const decision = o.decision;
      const decisionPart = [h('h3', {}, 'Regionens beslut om fördelningen')];
      if (!decision.available) decisionPart.push(unavailable());
      else if (!decision.recorded) decisionPart.push(KH.notice(`Regionen har ännu inte registrerat hur pengarna för ${this.year} fördelas inom regionen.`));
      else {
        const lines = decision.lines || [];
        const total = decision.totalSek || sum(lines, (l) => l.amountSek);
        decisionPart.push(h('dl', { class: 'meta' },
          h('dt', {}, 'Diarienummer'), h('dd', {}, decision.reference || KH.DASH),
          h('dt', {}, 'Beslutsdatum'), h('dd', {}, fmt.day(decision.decidedOn)),
          h('dt', {}, 'Beslutat av'), h('dd', {}, decision.decidedBy || KH.DASH)));
        decisionPart.push(KH.charts.bars(lines.map((l) => ({ label: l.unit, value: l.amountSek, text: fmt.mkr(l.amountSek) })), {
          stacked: true, label: `Stapeldiagram: beslutet fördelar ${fmt.kr(total)} på ${lines.length} enheter. Siffrorna finns i tabellen.`,
        }));
        decisionPart.push(KH.table({
          id: 'decision-lines', caption: `Fördelning inom regionen ${this.year}`, fileName: `beslut-${this.code}-${this.year}.csv`,
          rows: lines, defaultSort: { key: 'amountSek', dir: 'desc' },
          columns: [
            { key: 'unit', label: 'Enhet', header: true },
            { key: 'amountSek', label: 'Belopp', csvLabel: 'Belopp (kr)', num: true, cell: (l) => fmt.kr(l.amountSek) },
            { key: 'share', label: 'Andel', csvLabel: 'Andel (%)', num: true, cell: (l) => fmt.pct(share(l.amountSek, total)), csv: (l) => share(l.amountSek, total), sort: (l) => l.amountSek },
          ],
          foot: [['Summa', fmt.kr(total), fmt.pct(100)]], csvFoot: [['Summa', total, 100]],
        }));
      }

      const conditionPart = [];
      if (!conditions.available) conditionPart.push(unavailable());
      else {
        const plan = conditions.workforcePlan;
        if (plan) {
          conditionPart.push(h('p', {}, 'Kompetensförsörjningsplan: ',
            KH.badge(KH.word('conditionStatus', plan.status), plan.status === 'MET' ? 'badge--ok' : 'badge--warn'),
            plan.status === 'MET' && plan.reviewedAt ? ` (godkänd redovisning ${fmt.date(plan.reviewedAt)})` : ''));
        }
        if (conditions.agreementConditions && conditions.agreementConditions.length) {
          conditionPart.push(h('ul', { class: 'plain-list' }, conditions.agreementConditions.map((c) => h('li', {}, c))));
        }
      }

      const reportPart = [];
      if (!report.available) reportPart.push(unavailable());
      else {
        reportPart.push(h('dl', { class: 'meta' },
          h('dt', {}, 'Status'), h('dd', { id: 'report-status', 'data-status': report.status }, KH.statusBadge(report.status)),
          h('dt', {}, 'Inskickad'), h('dd', {}, fmt.dateTime(report.submittedAt)),
          h('dt', {}, 'Försenad'), h('dd', {}, report.submittedAt ? fmt.yesNo(report.late) : KH.DASH),
          h('dt', {}, 'Kostnader per insatsområde'), h('dd', {}, report.spendingSplit == null ? KH.DASH : report.spendingSplit ? 'Fördelade' : 'Inte helt fördelade')));
        reportPart.push(h('p', {}, h('a', { href: `/ar/${this.year}` }, `Alla regioners redovisningar ${this.year}`)));
      }

      const indicatorPart = [];
      if (!indicators) indicatorPart.push(unavailable());
      else if (!indicators.length) indicatorPart.push(KH.notice('Det finns inga indikatorvärden för regionen ännu.'));
      else {
        indicatorPart.push(KH.table({
          id: 'region-indicators', caption: `Indikatorer för ${o.name || this.code}, senaste perioden`, fileName: `indikatorer-${this.code}.csv`,
          rows: indicators, defaultSort: { key: 'name', dir: 'asc' },
          rowAttrs: (v) => ({ 'data-indicator': v.code }),
          columns: [
            { key: 'name', label: 'Indikator', header: true, cell: (v) => h('a', { href: `/indikatorer/${v.code}?region=${this.code}` }, v.name) , csv: (v) => v.name, sort: (v) => v.name },
            { key: 'period', label: 'Period', cell: (v) => fmt.period(v.period), csv: (v) => v.period },
            { key: 'value', label: 'Värde', num: true, cell: (v) => (v.suppressed ? KH.suppressed(KH.reason(v)) : fmt.value(v.value, v.unit)), csv: (v) => (v.suppressed ? null : v.value) },
            { key: 'target', label: 'Målvärde', cell: (v) => fmt.target(v.target, v.unit), csv: (v) => (v.target ? `${v.target.operator} ${String(v.target.value).replace('.', ',')}` : null), sort: (v) => (v.target ? v.target.value : null) },
            { key: 'meetsTarget', label: 'Når målet', cell: (v) => KH.mark(v.meetsTarget), csv: (v) => v.meetsTarget, sort: (v) => (v.meetsTarget == null ? null : v.meetsTarget ? 1 : 0) },
          ],
          note: indicators.some((v) => v.suppressed) ? KH.SUPPRESSED_NOTE : null,
        }));
      }

      return h('div', { id: 'region-content' }, tiles,
        h('div', { class: 'grid-2' },
          card('money', `Pengarna ${this.year}`, money, decisionPart),
          h('div', {},
            card('report', 'Redovisningen', reportPart),
            card('conditions', 'Villkor', conditionPart))),
        card('region-indicators-card', 'Indikatorer mot målvärden', indicatorPart),
        h('nav', { class: 'card', 'aria-label': 'Vidare' }, h('h2', {}, 'Vidare'), h('ul', { class: 'related' },
          h('li', {}, h('a', { href: `/ar/${this.year}` }, `Årsöversikt ${this.year}`)),
          (indicators || []).map((v) => h('li', {}, h('a', { href: `/indikatorer/${v.code}?region=${this.code}` }, `${v.name} över tid`))),
          h('li', {}, h('a', { href: '/regioner' }, 'Alla regioner')))));
    }

    onEvent(event) {
      const subject = event.subject || '';
      const [year, region] = subject.split('/');
      const mine = event.key === this.code || (region === this.code && year === String(this.year));
      const yearWide = event.type.includes('.allocation.published') && (!event.subject || year === String(this.year));
      if (mine || yearWide || event.type.includes('.indicator.') || !event.subject) this.refresh();
    }
  }

  async function regionPage(code) {
    markNav('region');
    const params = new URLSearchParams(location.search);
    const year = /^\d{4}$/.test(params.get('ar') || '') ? Number(params.get('ar')) : null;
    const [regions, agreements] = await Promise.all([KH.regions(), KH.api('/api/v1/agreements')]);
    if (!regions.byCode.has(code)) {
      setTitle('Regionen finns inte');
      main.replaceChildren(h('h1', {}, 'Regionen finns inte'), KH.notice(`Det finns ingen region med länskoden ${code}.`), regionList(regions));
      ready();
      return;
    }
    const view = new RegionPage(code, year, regions, agreements);
    await view.load();
    view.render();
    ready();
    KH.live((event) => view.onEvent(event), () => view.refresh());
  }

  function regionList(regions) {
    return h('ul', { class: 'link-grid' }, regions.list.map((r) => h('li', {}, h('a', { class: 'link-card', href: `/regioner/${r.code}` },
      h('span', { class: 'link-card__title' }, r.name), h('span', { class: 'link-card__text' }, `${r.officialName} · länskod ${r.code}`)))));
  }

  async function regionsPage() {
    markNav('region');
    setTitle('Regioner');
    const regions = await KH.regions();
    main.replaceChildren(
      h('div', { class: 'page-head' }, h('div', { class: 'page-head__text' },
        h('p', { class: 'eyebrow' }, 'Regioner'), h('h1', {}, 'De 21 regionerna'),
        h('p', { class: 'lead' }, 'Varje regions pengar, beslut, villkor, redovisning och indikatorer. Välj en region.'))),
      regionList(regions));
    ready();
  }

  // =================================================================== helpers and start
  function sum(rows, value) {
    return rows.reduce((total, row) => total + (value(row) || 0), 0);
  }

  function maxBy(rows, value) {
    return rows.reduce((best, row) => (best == null || value(row) > value(best) ? row : best), null) || {};
  }

  function share(part, whole) {
    return whole ? Math.round((part / whole) * 1000) / 10 : null;
  }

  async function start() {
    const page = document.body.dataset.page;
    const segments = location.pathname.split('/').filter(Boolean);
    main.dataset.state = 'loading';
    try {
      if (page === 'latest-year') await yearPage(null);
      else if (page === 'year') await yearPage(Number(segments[1]));
      else if (page === 'indicators') await indicatorsPage();
      else if (page === 'indicator') await indicatorPage();
      else if (page === 'regions') await regionsPage();
      else if (page === 'region') await regionPage(segments[1]);
    } catch (error) {
      fail(error, () => start());
    }
  }

  start();
})();
