export { percentile, summarize, steadyRate, ms, perSecond, type Summary } from './stats.js';
export { renderTable, type Row } from './table.js';
export { cpuTicksOf, rssBytesOf, sampleProcesses, CLOCK_TICKS, type ProcessUsage } from './proc.js';
export { describeError, openLoopSchedule, runOpenLoop, type Sent } from './schedule.js';
