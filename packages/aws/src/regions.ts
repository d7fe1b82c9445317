import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';

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
