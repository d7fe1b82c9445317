import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { parseAwsRequest } from '../../src/aws-request.js';
import { FaultBook } from '../../src/faults.js';

function ec2Call(operation: string, region = 'us-east-1', body = '') {
  return parseAwsRequest(
    {
      method: 'POST',
      url: '/',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/20261203/${region}/ec2/aws4_request, x`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: Buffer.from(`Action=${operation}${body}`),
    },
    () => '111122223333',
  );
}

describe('FaultBook', () => {
  it('fires the first rule whose every field matches', () => {
    // Prepare
    const book = new FaultBook();
    book.set([
      { service: 'ec2', operation: 'DescribeVolumes', kind: 'server-error' },
      { service: 'ec2', region: 'ap-southeast-2', account: '111122223333', kind: 'throttle' },
    ]);

    // Act
    const hits = [
      book.take(ec2Call('DescribeVolumes')),
      book.take(ec2Call('DescribeInstances', 'ap-southeast-2')),
      book.take(ec2Call('DescribeInstances', 'us-east-1')),
    ];

    // Assess
    expect(hits).toEqual(['server-error', 'throttle', undefined]);
  });

  it('expires a rule after `times` hits and reports what is left', () => {
    // Prepare
    const book = new FaultBook();
    book.set([{ service: 'ec2', kind: 'throttle', times: 2 }]);

    // Act
    const first = book.take(ec2Call('DescribeInstances'));
    const left = book.list();
    const second = book.take(ec2Call('DescribeInstances'));
    const third = book.take(ec2Call('DescribeInstances'));

    // Assess
    expect([first, second, third]).toEqual(['throttle', 'throttle', undefined]);
    expect(left).toMatchObject([{ kind: 'throttle', times: 2, remaining: 1 }]);
    expect(book.list()).toEqual([]);
  });

  it('lets a request the dice spare go on to later rules, without spending the rule', () => {
    // Prepare
    const book = new FaultBook();
    book.set([
      { service: 'ec2', kind: 'throttle', probability: 0.25, times: 1 },
      { service: 'ec2', kind: 'drop' },
    ]);

    // Act
    const spared = book.take(ec2Call('DescribeInstances'), () => 0.9);
    const hit = book.take(ec2Call('DescribeInstances'), () => 0.1);

    // Assess
    expect(spared).toBe('drop');
    expect(hit).toBe('throttle');
  });

  it('matches bodyIncludes against the form-decoded body too', () => {
    // Prepare
    const book = new FaultBook();
    book.set([{ bodyIncludes: 'arn:aws:iam::222233334444:', kind: 'access-denied' }]);

    // Act
    const other = book.take(
      ec2Call('AssumeRole', 'us-east-1', '&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FR'),
    );
    const target = book.take(
      ec2Call('AssumeRole', 'us-east-1', '&RoleArn=arn%3Aaws%3Aiam%3A%3A222233334444%3Arole%2FR'),
    );

    // Assess
    expect(other).toBeUndefined();
    expect(target).toBe('access-denied');
  });

  it('rejects invalid rules as a whole', () => {
    // Prepare
    const book = new FaultBook();
    book.set([{ kind: 'throttle' }]);

    // Act
    const act = () => book.set([{ kind: 'explode' }, { kind: 'throttle', probability: 2 }]);

    // Assess
    expect(act).toThrow(ZodError);
    expect(book.list()).toHaveLength(1);
  });
});
