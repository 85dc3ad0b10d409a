import { defineEvent, defineTopic } from '../define.js';
import { forecast, kpiValue, supplyDemandCell } from '../schemas/analytics.js';

export const supplyDemandTopic = defineTopic({
  name: 'analytics.supply-demand.v1',
  description: 'Supply, demand and the shortage index per period, area and occupation; compacted, latest value per key.',
  key: 'key',
  partitions: 3,
  cleanupPolicy: 'compact',
  producer: 'analytics',
  consumers: [],
  events: [defineEvent('supply-demand.computed', 'A supply/demand cell was (re)computed', supplyDemandCell)],
});

export const kpiTopic = defineTopic({
  name: 'analytics.kpi.v1',
  description: 'The plan\'s KPIs per period and area, with target, basis (registry or survey) and source; compacted, key kpi|period|area.',
  key: 'key',
  partitions: 3,
  cleanupPolicy: 'compact',
  producer: 'analytics',
  consumers: [],
  events: [defineEvent('kpi.computed', 'A KPI value was (re)computed', kpiValue)],
});

export const forecastTopic = defineTopic({
  name: 'analytics.forecast.v1',
  description: 'Quarterly forecasts of supply and demand per area and occupation group, with intervals, history and backtest error; compacted, key side|area|group.',
  key: 'key',
  partitions: 3,
  cleanupPolicy: 'compact',
  producer: 'analytics',
  consumers: [],
  events: [defineEvent('forecast.computed', 'A forecast was (re)computed', forecast)],
});
