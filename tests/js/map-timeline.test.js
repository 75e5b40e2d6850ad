// The map's and timeline's pure parts: what the map zooms to, where pin
// labels go, and how the timeline reads points and chooses its ticks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centreLongitude, fitArea, placeLabels, shortestArc, stepPin } from '../../www/js/map-view.js';
import { instant, ticks } from '../../www/js/timeline-view.js';
import { geonamesSource } from '../../www/js/mentions.js';

const span = (area) => {
  const lons = area.coordinates.map((c) => c[0]);
  const lats = area.coordinates.map((c) => c[1]);
  return [Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats)];
};

test('the map fits the places, never closer than a region, the globe when they spread round it', () => {
  assert.deepEqual(fitArea([]), { type: 'Sphere' });
  const [lon, lat] = span(fitArea([{ lon: 30.52, lat: 50.45 }]));
  assert.ok(lon >= 23.99 && lat >= 13.99, `one place: ${lon}° × ${lat}°`);
  const [lon2, lat2] = span(fitArea([{ lon: 30.52, lat: 50.45 }, { lon: 30.6, lat: 50.5 }]));
  assert.ok(lon2 >= 23.99 && lat2 >= 13.99, 'a tight cluster too');
  const wide = fitArea([{ lon: -77, lat: 38.9 }, { lon: 37.6, lat: 55.75 }]);
  const [lon3] = span(wide);
  assert.ok(lon3 > 114.6, 'both ends inside, with padding');
  assert.ok(wide.coordinates.every(([x, y]) => x >= -180 && x <= 180 && y >= -85 && y <= 85), 'inside the globe');
  assert.deepEqual(fitArea([{ lon: -77, lat: 0 }, { lon: 100, lat: 0 }, { lon: -150, lat: 0 }]), { type: 'Sphere' }, 'round the globe');
});

test('places on both sides of the antimeridian make one small box, centred on the Pacific', () => {
  assert.deepEqual(shortestArc([178.4, -178.1, 179.9]), [178.4, 181.9], 'Fiji and Samoa: 3.5°, not 356°');
  assert.deepEqual(shortestArc([-77, 37.6]), [-77, 37.6]);
  assert.deepEqual(shortestArc([190, -170]), [-170, -170], 'longitudes are read modulo 360');
  const pacific = fitArea([{ lon: 158.65, lat: 53.04 }, { lon: -149.9, lat: 61.2 }]);
  const [lon] = span(pacific);
  assert.ok(lon > 51 && lon < 80, `Kamchatka and Anchorage: ${lon}° wide`);
  assert.ok(Math.abs(centreLongitude(pacific) - 184.375) < 0.01, `centred at ${centreLongitude(pacific)}°, the antimeridian's side`);
  assert.equal(centreLongitude(fitArea([])), 0);
});

test('the arrow keys step to the nearest pin on that side, straight ahead first', () => {
  const spots = [
    { x: 500, y: 250 },
    { x: 600, y: 250 }, // east
    { x: 540, y: 330 }, // south-east, nearer but off the axis
    { x: 300, y: 240 }, // west
    { x: 500, y: 100 }, // north
  ];
  assert.equal(stepPin(spots, 0, 'ArrowRight'), 1);
  assert.equal(stepPin(spots, 0, 'ArrowLeft'), 3);
  assert.equal(stepPin(spots, 0, 'ArrowUp'), 4);
  assert.equal(stepPin(spots, 0, 'ArrowDown'), 2);
  assert.equal(stepPin(spots, 3, 'ArrowLeft'), 3, 'nothing further west: it stays');
});

test('pin labels avoid each other and the map edge', () => {
  const spots = placeLabels([
    { x: 300, y: 200, r: 10, name: 'Kyiv' },
    { x: 330, y: 200, r: 8, name: 'Ukraine' },
    { x: 300, y: 400, r: 8, name: 'Lviv' },
    { x: 950, y: 300, r: 7, name: 'Vladivostok' },
  ]);
  assert.equal(spots[0].anchor, 'end', 'a pin on the right pushes the label left');
  assert.equal(spots[1].anchor, 'start', 'the pin on the right has room on its right');
  assert.equal(spots[2].anchor, 'start', 'a lone pin is labelled on its right');
  assert.equal(spots[3].anchor, 'end', 'a label at the right edge does not run off the map');
});

test('timeline points and ticks', () => {
  assert.equal(instant('2025-12-21'), Date.UTC(2025, 11, 21));
  assert.equal(instant('2025-12-21T15:30'), Date.UTC(2025, 11, 21, 15, 30));
  assert.equal(instant('0099-01-01'), new Date('0099-01-01T00:00:00Z').getTime(), 'years below 100 stay themselves');
  assert.ok(Number.isNaN(instant('PRESENT_REF')));
  const days = ticks(Date.UTC(2025, 11, 18), Date.UTC(2025, 11, 24));
  assert.deepEqual(days.map((t) => t.text), ['12-18', '12-19', '12-20', '12-21', '12-22', '12-23', '12-24']);
  const months = ticks(Date.UTC(2025, 8, 20), Date.UTC(2026, 0, 5));
  assert.deepEqual(months.map((t) => t.text), ['2025-10', '2025-11', '2025-12', '2026-01']);
  const years = ticks(Date.UTC(1990, 5, 1), Date.UTC(2025, 5, 1));
  assert.ok(years.length >= 4 && years.length <= 12, `${years.length} year ticks`);
  assert.ok(years.every((t) => /^\d{4}$/.test(t.text)));
});

test('a place names its GeoNames record, and a curated region (id 0) says it has none', () => {
  assert.equal(geonamesSource(703448), 'geonames.org/703448');
  assert.equal(geonamesSource(0), 'no GeoNames record');
});
