import type { AwsRequest } from './aws-request.js';

/**
 * moto's DescribeSnapshots ignores OwnerIds, so `OwnerIds: ['self']` would also list the public snapshots
 * behind the AMIs moto loads into every account and region. Rewrites numeric and `self` owners into the
 * owner-id filter, which moto does honour. Returns the new form body, or undefined when nothing changes.
 */
function describeSnapshotsOwners(request: AwsRequest): string | undefined {
  // The EC2 query protocol names OwnerIds members Owner.1, Owner.2...
  const isOwner = (name: string) => /^Owner\.\d+$/.test(name);
  const owners = [...request.params].filter(([name]) => isOwner(name)).map(([, value]) => value);
  if (owners.length === 0 || owners.some((owner) => owner !== 'self' && !/^\d{12}$/.test(owner)))
    return undefined;
  const params = new URLSearchParams([...request.params].filter(([name]) => !isOwner(name)));
  const filterIndexes = [...params.keys()].map((name) => /^Filter\.(\d+)\.Name$/.exec(name)?.[1]).map(Number);
  const index = Math.max(0, ...filterIndexes.filter((n) => !Number.isNaN(n))) + 1;
  params.append(`Filter.${index}.Name`, 'owner-id');
  owners.forEach((owner, i) => {
    params.append(`Filter.${index}.Value.${i + 1}`, owner === 'self' ? request.account : owner);
  });
  return params.toString();
}

/** A replacement body for requests moto would answer differently from AWS, if this is one. */
export function motoFixup(request: AwsRequest): Buffer | undefined {
  if (request.service === 'ec2' && request.operation === 'DescribeSnapshots' && request.method === 'POST') {
    const body = describeSnapshotsOwners(request);
    return body === undefined ? undefined : Buffer.from(body);
  }
  return undefined;
}
