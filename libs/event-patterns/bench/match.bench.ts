import { compilePattern } from '../src/index';

/**
 * Prints evaluations per second of compiled patterns against realistic Pulse
 * events. Run: npx tsx libs/event-patterns/bench/match.bench.ts (or nx run event-patterns:bench)
 */
const envelope = (source: string, detailType: string, detail: unknown) => ({
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': detailType,
  source,
  account: '123456789012',
  time: '2024-06-01T12:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:iot:eu-west-1:123456789012:thing/sensor-42'],
  detail,
});

const readings = {
  sensorId: 'sensor-42',
  location: { lat: 52.37, lon: 4.89, ip: '10.20.30.40' },
  readings: [
    { metric: 'pm25', value: 38.2, unit: 'ug/m3' },
    { metric: 'pm10', value: 51.9, unit: 'ug/m3' },
    { metric: 'no2', value: 17.4, unit: 'ppb' },
  ],
};
const alertDetail = (level: string) => ({ data: { ...readings, aqi: 180, level }, meta: { tags: ['city:ams'] } });

const events = {
  received: envelope('pulse.ingest', 'ReadingsReceived', readings),
  enriched: envelope('pulse.enrich', 'ReadingsEnriched', { ...readings, aqi: 180 }),
  hazardous: envelope('pulse.alert', 'AlertRaised', alertDetail('Hazardous')),
  good: envelope('pulse.alert', 'AlertRaised', alertDetail('Good')),
};

const everyOperator = {
  source: ['pulse.alert', { prefix: 'pulse.' }],
  'detail-type': [{ 'equals-ignore-case': 'alertraised' }],
  resources: [{ suffix: 'sensor-42' }, { wildcard: 'arn:aws:iot:*:thing/*' }],
  detail: {
    data: {
      level: [{ 'anything-but': ['Good', 'Moderate'] }],
      aqi: [{ numeric: ['>', 150, '<=', 500] }],
      sensorId: [{ 'anything-but': { prefix: 'test-' } }],
      'location.ip': [{ cidr: '10.0.0.0/8' }],
      readings: { metric: ['pm25'], value: [{ numeric: ['>=', 35.5] }] },
    },
    meta: { muted: [{ exists: false }], tags: [{ exists: true }] },
    $or: [{ data: { level: ['Hazardous'] } }, { data: { aqi: [{ numeric: ['>=', 300] }] } }],
  },
};

const cases: [string, unknown, unknown][] = [
  ['ingest subscription, matching', { source: ['pulse.ingest'], 'detail-type': ['ReadingsReceived'] }, events.received],
  ['ingest subscription, other source', { source: ['pulse.ingest'], 'detail-type': ['ReadingsReceived'] }, events.enriched],
  ['enrich subscription, matching', { source: ['pulse.enrich'], 'detail-type': ['ReadingsEnriched'] }, events.enriched],
  ['enrich subscription, other source', { source: ['pulse.enrich'], 'detail-type': ['ReadingsEnriched'] }, events.received],
  ['alert rule, matching level', alertRule(), events.hazardous],
  ['alert rule, level Good', alertRule(), events.good],
  ['every operator, matching', everyOperator, events.hazardous],
  ['every operator, level Good', everyOperator, events.good],
];

function alertRule() {
  return {
    source: ['pulse.alert'],
    'detail-type': ['AlertRaised'],
    detail: { data: { level: ['Unhealthy', 'Very Unhealthy', 'Hazardous'] } },
  };
}

function measure(pattern: unknown, event: unknown): { perSecond: number; result: boolean } {
  const compiled = compilePattern(pattern);
  let result = compiled.matches(event);
  for (let i = 0; i < 20_000; i++) result = compiled.matches(event); // warm up the JIT
  const budgetMs = 300;
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (let i = 0; i < 10_000; i++) result = compiled.matches(event);
    runs += 10_000;
  }
  return { perSecond: runs / ((performance.now() - start) / 1000), result };
}

console.log('event-patterns: compiled pattern evaluations per second');
for (const [name, pattern, event] of cases) {
  const { perSecond, result } = measure(pattern, event);
  const rate = Math.round(perSecond).toLocaleString('en-US').padStart(13);
  console.log(`${name.padEnd(36)} ${rate} evals/s  (${result ? 'match' : 'no match'})`);
}
