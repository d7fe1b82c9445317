import { describe, expect, it } from 'vitest';
import { instanceMetricData } from '../../src/metrics.js';

const DAY = 86_400_000;
const now = new Date('2026-12-03T12:00:00Z');
const settings = { days: 14, periodHours: 6 };

function series(activity: 'busy' | 'idle' | 'spiky', launchedDaysAgo = 100, stoppedDaysAgo?: number) {
  const data = instanceMetricData(
    {
      key: `i-${activity}`,
      instanceId: 'i-0123',
      activity,
      launchedAt: new Date(now.getTime() - launchedDaysAgo * DAY),
      stoppedAt: stoppedDaysAgo === undefined ? undefined : new Date(now.getTime() - stoppedDaysAgo * DAY),
    },
    settings,
    now,
  );
  const values = (name: string) =>
    data.filter((d) => d.MetricName === name).map((d) => d.Value ?? Number.NaN);
  return { data, values };
}

describe('instanceMetricData', () => {
  it('writes the five EC2 metrics once per period over the window, on period boundaries', () => {
    // Act
    const { data } = series('busy');

    // Assess
    expect(data).toHaveLength(5 * 14 * 4);
    expect(new Set(data.map((d) => d.MetricName))).toEqual(
      new Set(['CPUUtilization', 'NetworkIn', 'NetworkOut', 'EBSReadOps', 'EBSWriteOps']),
    );
    expect(data.every((d) => (d.Timestamp?.getTime() ?? 1) % (6 * 3_600_000) === 0)).toBe(true);
    expect(data[0]?.Dimensions).toEqual([{ Name: 'InstanceId', Value: 'i-0123' }]);
  });

  it('keeps busy CPU between 40 and 80 %', () => {
    expect(
      series('busy')
        .values('CPUUtilization')
        .every((v) => v >= 40 && v <= 80),
    ).toBe(true);
  });

  it('keeps idle instances under the idle thresholds', () => {
    // Act
    const { values } = series('idle');
    const networkPerDay = values('NetworkIn').reduce((a, b) => a + b, 0) / 14;

    // Assess
    expect(Math.max(...values('CPUUtilization'))).toBeLessThan(1);
    expect(networkPerDay).toBeLessThan(1_000_000);
    expect(values('EBSReadOps').every((v) => v === 0)).toBe(true);
  });

  it('gives spiky instances a low baseline with a few bursts', () => {
    // Act
    const cpu = series('spiky').values('CPUUtilization');

    // Assess
    const bursts = cpu.filter((v) => v >= 70).length;
    expect(bursts).toBeGreaterThan(0);
    expect(bursts).toBeLessThan(cpu.length / 3);
    expect(cpu.filter((v) => v <= 6).length).toBe(cpu.length - bursts);
  });

  it('reports nothing before launch or after a stop', () => {
    // Act
    const young = series('busy', 2).data;
    const stopped = series('busy', 100, 10).data;
    const stoppedLongAgo = series('busy', 100, 30).data;

    // Assess
    // 48 hours of 6-hour periods, both ends included.
    expect(young.length).toBe(5 * 9);
    expect(Math.max(...stopped.map((d) => d.Timestamp?.getTime() ?? 0))).toBeLessThanOrEqual(
      now.getTime() - 10 * DAY,
    );
    expect(stoppedLongAgo).toEqual([]);
  });

  it('is the same series on every run', () => {
    expect(series('spiky').data).toEqual(series('spiky').data);
  });
});
