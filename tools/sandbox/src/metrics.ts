import type { MetricDatum, StandardUnit } from '@aws-sdk/client-cloudwatch';
import type { ActivityProfile, MetricSettings } from './estate.js';
import { createRandom, seedFrom } from './random.js';

const HOUR_MS = 3_600_000;

interface Sample {
  CPUUtilization: number;
  NetworkIn: number;
  NetworkOut: number;
  EBSReadOps: number;
  EBSWriteOps: number;
}

const UNITS: Record<keyof Sample, StandardUnit> = {
  CPUUtilization: 'Percent',
  NetworkIn: 'Bytes',
  NetworkOut: 'Bytes',
  EBSReadOps: 'Count',
  EBSWriteOps: 'Count',
};

/** The AWS/EC2 metrics the seeder writes per instance. */
export const EC2_METRIC_NAMES = Object.keys(UNITS) as (keyof Sample)[];

function between(random: () => number, min: number, max: number): number {
  return min + random() * (max - min);
}

/**
 * One period's values. Idle stays under the E1/E2/E6 idle thresholds (CPU < 1 %, well under 1 MB of
 * network and 1 EBS op a day); spiky is idle-ish with a burst in about one period out of seven.
 */
function sample(activity: ActivityProfile, random: () => number): Sample {
  const high = activity === 'busy' || (activity === 'spiky' && random() < 0.15);
  if (high) {
    return {
      CPUUtilization: activity === 'busy' ? between(random, 40, 80) : between(random, 70, 98),
      NetworkIn: Math.round(between(random, 2e8, 2e9)),
      NetworkOut: Math.round(between(random, 1e8, 1e9)),
      EBSReadOps: Math.round(between(random, 2e4, 2e5)),
      EBSWriteOps: Math.round(between(random, 2e4, 2e5)),
    };
  }
  if (activity === 'spiky') {
    return {
      CPUUtilization: between(random, 1, 6),
      NetworkIn: Math.round(between(random, 1e5, 2e6)),
      NetworkOut: Math.round(between(random, 1e5, 1e6)),
      EBSReadOps: Math.round(between(random, 10, 200)),
      EBSWriteOps: Math.round(between(random, 10, 200)),
    };
  }
  return {
    CPUUtilization: between(random, 0.05, 0.9),
    NetworkIn: Math.round(between(random, 1e3, 5e4)),
    NetworkOut: Math.round(between(random, 1e3, 2e4)),
    EBSReadOps: 0,
    EBSWriteOps: random() < 0.1 ? 1 : 0,
  };
}

export interface MetricSubject {
  /** Estate key; seeds the values so reruns produce the same series. */
  key: string;
  instanceId: string;
  activity: ActivityProfile;
  launchedAt: Date;
  /** Absent for running instances. */
  stoppedAt?: Date;
}

/**
 * AWS/EC2 datapoints for one instance over the last `days`, one per `periodHours` on period boundaries,
 * only while the instance was running (a stopped instance reports nothing, as in CloudWatch).
 */
export function instanceMetricData(
  subject: MetricSubject,
  settings: MetricSettings,
  now: Date,
): MetricDatum[] {
  const periodMs = settings.periodHours * HOUR_MS;
  const last = Math.floor(now.getTime() / periodMs) * periodMs;
  const periods = Math.floor((settings.days * 24) / settings.periodHours);
  const random = createRandom(seedFrom(subject.key));
  const dimensions = [{ Name: 'InstanceId', Value: subject.instanceId }];
  const data: MetricDatum[] = [];
  for (let i = periods - 1; i >= 0; i--) {
    const at = last - i * periodMs;
    const values = sample(subject.activity, random);
    if (
      at < subject.launchedAt.getTime() ||
      (subject.stoppedAt !== undefined && at > subject.stoppedAt.getTime())
    ) {
      continue;
    }
    const timestamp = new Date(at);
    for (const name of EC2_METRIC_NAMES) {
      data.push({
        MetricName: name,
        Dimensions: dimensions,
        Timestamp: timestamp,
        Unit: UNITS[name],
        Value: values[name],
      });
    }
  }
  return data;
}
