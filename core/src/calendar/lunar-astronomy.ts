/**
 * The two astronomical quantities the Vietnamese lunar calendar is built from, as published by
 * Hồ Ngọc Đức ("Thuật toán tính âm lịch", after Jean Meeus, Astronomical Algorithms, 1998).
 * The truncated series are good to a few minutes near our era: enough to put a new moon or a
 * solar term on the right day except in rare near-midnight cases, which the published Vietnamese
 * calendars share with us because they come from the same computation.
 */

const DEGREE = Math.PI / 180;
/** Mean length of a lunar month (synodic month) in days. */
export const SYNODIC_MONTH = 29.530588853;
/** Julian day of the first new moon of 1900 (1 Jan 1900, 13:51 UT), where `newMoon(0)` lies. */
export const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day (UT, fractional) of the k-th new moon after the one of 1 January 1900. */
export function newMoon(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE); // mean new moon
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitudeArgument = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const m = sunAnomaly * DEGREE;
  const mp = moonAnomaly * DEGREE;
  const f = latitudeArgument * DEGREE;
  let correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) +
    0.0005 * Math.sin(2 * mp + m);
  // ΔT (terrestrial minus universal time), the polynomial the published algorithm uses.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  correction -= deltaT;
  return jd + correction;
}

/** Apparent longitude of the sun, in radians within [0, 2π), at Julian day `jd` (UT). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEGREE;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + center) * DEGREE;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}
