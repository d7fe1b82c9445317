import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { InvalidRegionError } from './errors.js';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Splits and checks `--regions` values. Accepts `a b` (several values) and `a,b` (one value).
 *
 * @throws {InvalidRegionError} for a value that is not a region code
 */
export function parseRegions(values: readonly string[]): string[] {
  const regions = values.flatMap((value) => value.split(/[\s,]+/)).filter((region) => region !== '');
  for (const region of regions) if (!REGION_CODE.test(region)) throw new InvalidRegionError(region);
  return [...new Set(regions)];
}

/**
 * The regions enabled for the account of `ec2` (opt-in regions only once opted in), sorted.
 *
 * @example
 * ```ts
 * const regions = await enabledRegions(new EC2Client({ region: 'us-east-1' }));
 * ```
 */
export async function enabledRegions(ec2: EC2Client): Promise<string[]> {
  const response = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }));
  return (response.Regions ?? [])
    .filter((region) => region.OptInStatus !== 'not-opted-in')
    .flatMap((region) => (region.RegionName ? [region.RegionName] : []))
    .sort();
}
