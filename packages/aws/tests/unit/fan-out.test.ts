import { describe, expect, it } from 'vitest';
import { fanOut } from '../../src/index.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('fanOut', () => {
  it('never runs more tasks of a service at once than its limit', async () => {
    // Prepare
    const running = { ec2: 0, organizations: 0 };
    const peak = { ec2: 0, organizations: 0 };
    const task = (service: 'ec2' | 'organizations', index: number) => ({
      accountId: '111122223333',
      region: 'us-east-1',
      service,
      run: async () => {
        running[service] += 1;
        peak[service] = Math.max(peak[service], running[service]);
        await tick();
        running[service] -= 1;
        return index;
      },
    });
    const tasks = [
      ...Array.from({ length: 20 }, (_, index) => task('ec2', index)),
      ...Array.from({ length: 6 }, (_, index) => task('organizations', 100 + index)),
    ];

    // Act
    const result = await fanOut(tasks, { label: 'test', limits: { ec2: 3, organizations: 1 } });

    // Assess
    expect(peak).toEqual({ ec2: 3, organizations: 1 });
    expect(result.values.map((entry) => entry.value)).toEqual([
      ...Array.from({ length: 20 }, (_, index) => index),
      100,
      101,
      102,
      103,
      104,
      105,
    ]);
    expect(result.failures).toEqual([]);
  });

  it('keeps the other tasks when one fails, and reports the failure with its scope', async () => {
    const warnings: string[] = [];
    const progress: number[] = [];
    const result = await fanOut(
      [
        { accountId: '111122223333', region: 'us-east-1', service: 'ec2', run: async () => 'a' },
        {
          accountId: '444455556666',
          region: 'ap-southeast-2',
          service: 'ec2',
          run: async () => {
            throw Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation' });
          },
        },
        { accountId: '444455556666', region: 'us-east-1', service: 'ec2', run: async () => 'c' },
      ],
      {
        label: 'test',
        sink: {
          debug: () => undefined,
          info: () => undefined,
          warn: (message) => warnings.push(message),
          progress: (event) => progress.push(event.done),
        },
      },
    );

    expect(result.values.map((entry) => entry.value)).toEqual(['a', 'c']);
    expect(result.failures).toEqual([
      {
        account_id: '444455556666',
        region: 'ap-southeast-2',
        service: 'ec2',
        error_name: 'UnauthorizedOperation',
        message: 'not authorized',
      },
    ]);
    expect(warnings).toEqual(['ec2 444455556666/ap-southeast-2: not authorized']);
    expect(progress.sort()).toEqual([1, 2, 3]);
  });
});
