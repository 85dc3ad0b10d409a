/* KetNoi analytics dashboard: fetches the analyst API with the user's token and draws with ECharts. */
(function () {
/* global echarts, document, window, location, history, sessionStorage, fetch, URLSearchParams, Option, URL, setTimeout */
  'use strict';

  const TEXT = {
    vi: {
      title: 'Cung – cầu lao động Thái Nguyên', area: 'Địa bàn', allProvince: 'Toàn tỉnh', sector: 'Ngành (VSIC)', allSectors: 'Tất cả các ngành',
      period: 'Kỳ', token: 'Mã truy cập', apply: 'Áp dụng', supplyDemand: 'Cung và cầu theo nhóm nghề', trends: 'Xu hướng và dự báo (khoảng 80%)',
      kpis: 'Chỉ tiêu so với mục tiêu 2025', exposure: 'Mức tiếp cận của nhóm ưu tiên', shortage: 'Bảng thiếu hụt', colArea: 'Địa bàn',
      colOccupation: 'Nhóm nghề', colSeekers: 'Người tìm việc', colPositions: 'Vị trí trống', colIndex: 'Chỉ số thiếu hụt',
      seekers: 'Người tìm việc', positions: 'Vị trí trống', demand: 'Cầu (vị trí mới)', supply: 'Cung (người đăng ký)', band: 'Khoảng dự báo',
      forecastOf: 'Dự báo', matchRatio: 'Hệ số tiếp cận đề xuất', placementRatio: 'Hệ số tiếp cận tuyển dụng', loading: 'Đang tải…',
      loaded: 'Đã cập nhật', needToken: 'Nhập mã truy cập (vai trò analyst) để xem số liệu.', failed: 'Không tải được số liệu', noKpi: 'Chưa có số liệu chỉ tiêu',
      lang: 'English', noSupply: 'Người tìm việc không gắn với ngành: chỉ hiển thị cầu',
      fairs: 'Phiên giao dịch việc làm', colFair: 'Phiên', colDate: 'Ngày', colRegistered: 'Đăng ký', colCheckedIn: 'Đã đến', colRate: 'Tỷ lệ tham dự',
      colInterviews: 'Phỏng vấn đã diễn ra', colOffers: 'Đề nghị tuyển', colHires: 'Được tuyển', noFairs: 'Không có phiên nào trong kỳ và địa bàn đã chọn',
      colBooth: 'Gian hàng', colEmployer: 'Doanh nghiệp', colScheduled: 'Phỏng vấn đã hẹn', colHeld: 'Đã diễn ra', colNoShows: 'Vắng mặt',
      colGroup: 'Nhóm ưu tiên', colInterviewed: 'Được phỏng vấn', colHired: 'Được tuyển', anyGroup: 'Thuộc ít nhất một nhóm',
    },
    en: {
      title: 'Thái Nguyên labour supply and demand', area: 'Area', allProvince: 'Whole province', sector: 'Sector (VSIC)', allSectors: 'All sectors',
      period: 'Period', token: 'Access token', apply: 'Apply', supplyDemand: 'Supply and demand by occupation group', trends: 'Trends and forecasts (80% band)',
      kpis: 'KPIs against the 2025 targets', exposure: 'Priority-group exposure', shortage: 'Shortage table', colArea: 'Area', colOccupation: 'Occupation group',
      colSeekers: 'Job seekers', colPositions: 'Open positions', colIndex: 'Shortage index', seekers: 'Job seekers', positions: 'Open positions',
      demand: 'Demand (new positions)', supply: 'Supply (registrations)', band: 'Forecast band', forecastOf: 'Forecast', matchRatio: 'Match exposure ratio',
      placementRatio: 'Placement exposure ratio', loading: 'Loading…', loaded: 'Updated', needToken: 'Enter an access token (analyst role) to see the numbers.',
      failed: 'Could not load the numbers', noKpi: 'No KPI figures yet', lang: 'Tiếng Việt', noSupply: 'Job seekers have no sector: demand only',
      fairs: 'Job fairs', colFair: 'Fair', colDate: 'Date', colRegistered: 'Registered', colCheckedIn: 'Checked in', colRate: 'Attendance rate',
      colInterviews: 'Interviews held', colOffers: 'Offers', colHires: 'Hires', noFairs: 'No fair in the chosen period and area',
      colBooth: 'Booth', colEmployer: 'Employer', colScheduled: 'Interviews scheduled', colHeld: 'Held', colNoShows: 'No-shows',
      colGroup: 'Priority group', colInterviewed: 'Interviewed', colHired: 'Hired', anyGroup: 'Any priority group',
    },
  };
  const GROUPS = {
    vi: { poorHousehold: 'Hộ nghèo', nearPoorHousehold: 'Cận nghèo', recentlyOutOfPoverty: 'Mới thoát nghèo', ethnicMinority: 'Dân tộc thiểu số',
      disability: 'Khuyết tật', backFromAbroad: 'Về nước', demobilised: 'Xuất ngũ', youth: 'Thanh niên ưu tiên', female: 'Nữ', 'youth-15-24': '15–24', 'youth-15-29': '15–29' },
    en: { poorHousehold: 'Poor household', nearPoorHousehold: 'Near-poor', recentlyOutOfPoverty: 'Out of poverty', ethnicMinority: 'Ethnic minority',
      disability: 'Disability', backFromAbroad: 'Back from abroad', demobilised: 'Demobilised', youth: 'Youth priority', female: 'Women', 'youth-15-24': '15–24', 'youth-15-29': '15–29' },
  };
  const SECTORS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

  const state = { lang: 'vi', data: null, revision: 0, status: null, areaNames: {}, fairId: null, fair: null };
  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[state.lang][key] || key;
  const charts = {};
  const chart = (id) => (charts[id] = charts[id] || echarts.init($(id), null, { renderer: 'canvas' }));
  /** Draws without animation: numbers show at once (and in screenshots). */
  const drawChart = (id, option) => chart(id).setOption({ animation: false, ...option }, true);
  const status = (key, suffix) => {
    state.status = [key, suffix];
    $('status').textContent = suffix ? `${t(key)} ${suffix}` : t(key);
  };

  function token() {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromHash) {
      sessionStorage.setItem('ketnoi-token', fromHash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return $('token').value || sessionStorage.getItem('ketnoi-token') || '';
  }

  async function api(path, params) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
    const response = await fetch(`${path}?${query}`, { headers: { authorization: `Bearer ${token()}`, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  function filters() {
    return { area: $('area').value, sector: $('sector').value, period: $('period').value.trim() };
  }

  async function load() {
    if (!token()) {
      status('needToken');
      return;
    }
    status('loading');
    document.body.dataset.ready = 'false';
    const f = filters();
    try {
      const [sd, byDistrict, forecasts, kpis, exposure, fairs] = await Promise.all([
        api('/v1/supply-demand', { level: 'province', area: f.area, sector: f.sector, period: f.period }),
        api('/v1/supply-demand', { level: 'former-district' }),
        api('/v1/forecasts', { area: f.area && f.area.length === 3 ? f.area : undefined, occupation: 'all' }),
        api('/v1/kpis', { area: f.area || undefined, period: f.period || undefined }),
        api('/v1/exposure', { area: f.area, period: f.period }),
        api('/v1/jobfairs', { area: f.area, period: f.period }),
      ]);
      state.data = { sd, forecasts, kpis, exposure, fairs: fairs.items, filters: f };
      if (!fairs.items.some((x) => x.fairId === state.fairId)) state.fairId = fairs.items.length > 0 ? fairs.items[0].fairId : null;
      state.fair = state.fairId ? await api(`/v1/jobfairs/${encodeURIComponent(state.fairId)}/report`, {}) : null;
      fillAreas(byDistrict.items);
      draw();
      state.revision += 1;
      status('loaded', new Date().toLocaleTimeString('en-GB'));
      document.body.dataset.revision = String(state.revision);
      document.body.dataset.ready = 'true';
    } catch (error) {
      status('failed', `: ${error.message}`);
      document.body.dataset.ready = 'error';
    }
  }

  function fillAreas(rows) {
    const select = $('area');
    const known = new Set([...select.options].map((o) => o.value));
    for (const code of [...new Set(rows.map((r) => r.area.code))].sort()) {
      if (known.has(code) || code === 'unknown') continue;
      const name = state.areaNames[code];
      select.add(new Option(name ? `${name} (${code})` : code, code));
    }
  }

  function draw() {
    if (!state.data) return;
    const { sd, forecasts, kpis, exposure, filters: f } = state.data;
    drawSupplyDemand(sd.items, Boolean(f.sector));
    drawForecast(forecasts.items, f.area && f.area.length === 3 ? f.area : undefined);
    drawKpis(kpis.items, f.area);
    drawExposure(exposure.groups);
    drawShortage(sd.items);
    drawFairs();
  }

  function row(body, cells, className) {
    const tr = document.createElement('tr');
    if (className) tr.className = className;
    for (const value of cells) {
      const td = document.createElement('td');
      td.textContent = value === null || value === undefined ? '–' : String(value);
      tr.append(td);
    }
    body.append(tr);
    return tr;
  }

  const percent = (rate) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);
  const dayOf = (iso) => new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString().slice(0, 10);

  /** The fairs (a row each; a click shows that fair's report) and the chosen fair's booths and priority-group reach. */
  function drawFairs() {
    const fairs = state.data.fairs;
    const body = $('fairs').querySelector('tbody');
    body.replaceChildren();
    for (const f of fairs) {
      const tr = row(body, [f.title, dayOf(f.startsAt), f.registered, f.checkedIn, percent(f.attendanceRate), f.interviewsHeld, f.offers, f.hires], f.fairId === state.fairId ? 'selected' : '');
      tr.dataset.fairId = f.fairId;
      tr.addEventListener('click', () => void chooseFair(f.fairId));
    }
    $('fairs-empty').hidden = fairs.length > 0;
    const report = state.fair;
    $('fair-report').hidden = !report;
    document.body.dataset.fair = report ? report.fair.fairId : '';
    if (!report) return;
    $('fair-title').textContent = `${report.fair.title} — ${dayOf(report.fair.startsAt)}`;
    const booths = $('fair-booths').querySelector('tbody');
    booths.replaceChildren();
    for (const b of report.booths) row(booths, [b.label, b.employerName, b.interviewsScheduled, b.interviewsHeld, b.noShows, b.offers, b.hires]);
    const groups = $('fair-groups').querySelector('tbody');
    groups.replaceChildren();
    for (const g of report.priorityReach) row(groups, [g.group === 'any' ? t('anyGroup') : GROUPS[state.lang][g.group] || g.group, g.registered, g.checkedIn, g.interviewed, g.hired]);
  }

  async function chooseFair(fairId) {
    document.body.dataset.ready = 'false';
    try {
      state.fairId = fairId;
      state.fair = await api(`/v1/jobfairs/${encodeURIComponent(fairId)}/report`, {});
      drawFairs();
      document.body.dataset.ready = 'true';
    } catch (error) {
      status('failed', `: ${error.message}`);
      document.body.dataset.ready = 'error';
    }
  }

  /** Downloads the chosen fair's report with the user's token (a plain link could not carry it). */
  async function download(format) {
    if (!state.fairId) return;
    const response = await fetch(`/v1/jobfairs/${encodeURIComponent(state.fairId)}/report?format=${format}`, { headers: { authorization: `Bearer ${token()}` } });
    if (!response.ok) {
      status('failed', `: ${response.status}`);
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `jobfair-${state.fairId}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  function drawSupplyDemand(rows, sectorChosen) {
    const groups = rows.map((r) => r.occupation.code);
    drawChart('chart-supply-demand', {
      title: sectorChosen ? { text: t('noSupply'), textStyle: { fontSize: 12, fontWeight: 'normal' }, right: 0 } : { text: '' },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('seekers'), t('positions')], top: 0, left: 0 },
      xAxis: { type: 'category', data: groups, name: 'ISCO' },
      yAxis: { type: 'value' },
      series: [
        { name: t('seekers'), type: 'bar', data: rows.map((r) => r.jobSeekers ?? 0), itemStyle: { color: '#3b82c4' } },
        { name: t('positions'), type: 'bar', data: rows.map((r) => r.openPositions ?? 0), itemStyle: { color: '#e8833a' } },
      ],
    });
  }

  function drawForecast(items, district) {
    const level = district ? 'former-district' : 'province';
    const pick = (side) => items.find((i) => i.side === side && i.area && i.area.level === level && (!district || i.area.code === district));
    const series = [];
    const periods = new Set();
    const colours = { demand: '#e8833a', supply: '#3b82c4' };
    for (const side of ['demand', 'supply']) {
      const item = pick(side);
      if (!item) continue;
      for (const p of [...item.history, ...item.points]) periods.add(p.period);
      const name = t(side);
      series.push({ name, type: 'line', data: item.history.map((p) => [p.period, p.value]), itemStyle: { color: colours[side] } });
      series.push({ name: `${t('forecastOf')} ${name}`, type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: colours[side] }, data: item.points.map((p) => [p.period, p.value]) });
      series.push({ name: `${t('band')} ${side}`, type: 'line', stack: `band-${side}`, symbol: 'none', lineStyle: { opacity: 0 }, data: item.points.map((p) => [p.period, p.lower]), tooltip: { show: false } });
      series.push({ name: `${t('band')} ${side}+`, type: 'line', stack: `band-${side}`, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: colours[side], opacity: 0.2 }, data: item.points.map((p) => [p.period, p.upper - p.lower]), tooltip: { show: false } });
    }
    drawChart('chart-forecast', {
      tooltip: { trigger: 'axis' },
      legend: { data: series.filter((s) => !s.stack).map((s) => s.name), top: 0, left: 0 },
      xAxis: { type: 'category', data: [...periods].sort() },
      yAxis: { type: 'value' },
      series,
    });
  }

  function drawKpis(items, area) {
    const shown = items.filter((k) => (area ? k.area.code === area : k.area.level === 'province'));
    const latest = new Map();
    for (const k of shown) if (!latest.has(k.kpi) || latest.get(k.kpi).period < k.period) latest.set(k.kpi, k);
    const list = [...latest.values()].slice(0, 8);
    const columns = 4;
    drawChart('chart-kpis', {
      title: list.length === 0 ? { text: t('noKpi'), left: 'center', top: 'middle', textStyle: { fontSize: 14 } } : { text: '' },
      series: list.map((k, i) => ({
        type: 'gauge',
        center: [`${12.5 + (i % columns) * 25}%`, `${i < columns ? 26 : 72}%`],
        radius: '30%',
        min: 0,
        max: Math.max(100, Math.ceil(k.value / 10) * 10),
        progress: { show: true, width: 8, itemStyle: { color: k.met ? '#1a7f37' : '#b42318' } },
        axisLine: { lineStyle: { width: 8 } },
        axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false }, pointer: { show: false },
        anchor: { show: false },
        markPoint: undefined,
        title: { offsetCenter: [0, '115%'], fontSize: 11, overflow: 'break', width: 130, lineHeight: 13 },
        detail: { valueAnimation: false, offsetCenter: [0, '5%'], fontSize: 14, formatter: `{value}% / ${k.comparison === 'at-most' ? '≤' : '≥'}${k.target}%` },
        data: [{ value: k.value, name: state.lang === 'vi' ? k.vi : k.en }],
      })),
    });
  }

  function drawExposure(groups) {
    const names = groups.map((g) => GROUPS[state.lang][g.group] || g.group);
    drawChart('chart-exposure', {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('matchRatio'), t('placementRatio')], top: 0, left: 0 },
      grid: { left: 110 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names },
      series: [
        { name: t('matchRatio'), type: 'bar', data: groups.map((g) => g.matchExposureRatio ?? 0), itemStyle: { color: '#6f42c1' },
          markLine: { symbol: 'none', data: [{ xAxis: 1 }], lineStyle: { color: '#333' } } },
        { name: t('placementRatio'), type: 'bar', data: groups.map((g) => g.placementExposureRatio ?? 0), itemStyle: { color: '#2aa198' } },
      ],
    });
  }

  function drawShortage(rows) {
    const body = $('shortage').querySelector('tbody');
    body.replaceChildren();
    const sorted = rows.filter((r) => r.shortageIndex !== null).sort((a, b) => b.shortageIndex - a.shortageIndex);
    for (const r of sorted) {
      const tr = document.createElement('tr');
      const cells = [r.area.code, r.occupation.code, r.jobSeekers, r.openPositions, r.shortageIndex.toFixed(2)];
      cells.forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = String(value);
        if (i === 4) td.className = r.shortageIndex > 0 ? 'shortage' : r.shortageIndex < 0 ? 'surplus' : '';
        tr.append(td);
      });
      body.append(tr);
    }
  }

  function translate() {
    document.documentElement.lang = state.lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    $('lang').textContent = t('lang');
    if (state.status) status(...state.status);
    document.title = `KetNoi — ${t('title')}`;
  }

  for (const code of SECTORS) $('sector').add(new Option(code, code));
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    translate();
    draw();
  });
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  for (const id of ['area', 'sector']) $(id).addEventListener('change', () => void load());
  $('fair-csv').addEventListener('click', () => void download('csv'));
  $('fair-xlsx').addEventListener('click', () => void download('xlsx'));
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  window.ketnoiDashboard = { state, charts, load };
  translate();
  fetch('/dashboard/areas.json')
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}))
    .then((names) => {
      state.areaNames = names;
      return load();
    });
})();
