import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Ec2Instance,
  Ec2InstanceSchema,
  MalformedFileError,
  OrgAccountSchema,
  RecordValidationError,
  readCsv,
  readJson,
  writeCsv,
  writeJson,
} from '../../src/index.js';

const instance: Ec2Instance = {
  account_id: '111122223333',
  account_name: 'workload, prod',
  region: 'ap-southeast-2',
  availability_zone: 'ap-southeast-2a',
  instance_id: 'i-0abc123def4567890',
  name: 'web-1',
  instance_type: 't2.micro',
  state: 'stopped',
  state_since: '2026-10-01T10:00:00.000Z',
  launch_time: '2026-09-01T08:30:00.000Z',
  platform: 'linux',
  platform_details: 'Linux/UNIX',
  vpc_id: null,
  private_ip: '10.0.0.5',
  attached_volume_ids: ['vol-0aa', 'vol-0bb'],
  tags: { Name: 'web-1', 'cost=center': 'a;b,c', Note: '100%' },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schema-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CSV records', () => {
  it('writes LF line endings, no BOM, and reads back the same records', async () => {
    // Prepare
    const file = join(dir, 'ec2.csv');

    // Act
    await writeCsv(file, Ec2InstanceSchema, [instance]);
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');

    // Assess
    expect(bytes[0]).toBe('a'.charCodeAt(0));
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.split('\n')[0]).toBe(
      'account_id,account_name,region,availability_zone,instance_id,name,instance_type,state,state_since,launch_time,platform,platform_details,vpc_id,private_ip,attached_volume_ids,tags',
    );
    expect(text.split('\n')[1]).toBe(
      '111122223333,"workload, prod",ap-southeast-2,ap-southeast-2a,i-0abc123def4567890,web-1,t2.micro,stopped,2026-10-01T10:00:00.000Z,2026-09-01T08:30:00.000Z,linux,Linux/UNIX,,10.0.0.5,vol-0aa;vol-0bb,Name=web-1;cost%3Dcenter=a%3Bb%2Cc;Note=100%25',
    );
    expect(await readCsv(file, Ec2InstanceSchema)).toEqual([instance]);
  });

  it('names file, row and column of a bad value and returns nothing', async () => {
    // Prepare
    const file = join(dir, 'ec2.csv');
    await writeCsv(file, Ec2InstanceSchema, [instance, { ...instance, instance_id: 'i-0ddd' }]);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2]?.replace('t2.micro', 'not a type') ?? '';
    await writeFile(file, lines.join('\n'));

    // Act
    const error = await readCsv(file, Ec2InstanceSchema).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error).toMatchObject({ file, row: 2, column: 'instance_type', value: 'not a type' });
    expect((error as Error).message).toContain(`${file}: row 2, column "instance_type"`);
  });

  it('rejects a row with the wrong number of cells', async () => {
    const file = join(dir, 'accounts.csv');
    await writeFile(
      file,
      'account_id,account_name,email,status,joined_method,joined_timestamp,ou_path,is_management,tags\n111122223333,a,a@x.io,ACTIVE\n',
    );

    await expect(readCsv(file, OrgAccountSchema)).rejects.toMatchObject({
      name: 'RecordValidationError',
      row: 1,
    });
  });

  it('rejects a header missing a required column', async () => {
    const file = join(dir, 'accounts.csv');
    await writeFile(file, 'account_id,account_name\n111122223333,a\n');

    const error = await readCsv(file, OrgAccountSchema).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MalformedFileError);
    expect((error as Error).message).toContain('"email"');
  });

  it('rejects a malformed tags cell and a non-boolean flag', async () => {
    const file = join(dir, 'accounts.csv');
    const header =
      'account_id,account_name,email,status,joined_method,joined_timestamp,ou_path,is_management,tags';
    await writeFile(
      file,
      `${header}\n111122223333,a,a@x.io,ACTIVE,CREATED,2026-01-01T00:00:00.000Z,Root,yes,\n`,
    );
    await expect(readCsv(file, OrgAccountSchema)).rejects.toMatchObject({
      row: 1,
      column: 'is_management',
      value: 'yes',
    });

    await writeFile(
      file,
      `${header}\n111122223333,a,a@x.io,ACTIVE,CREATED,2026-01-01T00:00:00.000Z,Root,false,Owner\n`,
    );
    await expect(readCsv(file, OrgAccountSchema)).rejects.toMatchObject({
      row: 1,
      column: 'tags',
      value: 'Owner',
    });
  });

  it('reads an empty map, null and an empty tag value', async () => {
    const file = join(dir, 'accounts.csv');
    const header =
      'account_id,account_name,email,status,joined_method,joined_timestamp,ou_path,is_management,tags';
    await writeFile(
      file,
      `${header}\n111122223333,a,a@x.io,ACTIVE,CREATED,2026-01-01T00:00:00.000Z,Root,true,Owner=\n`,
    );

    const [account] = await readCsv(file, OrgAccountSchema);

    expect(account?.tags).toEqual({ Owner: '' });
    expect(account?.is_management).toBe(true);
  });

  it('leaves an existing file untouched and no temp file behind when a record is invalid', async () => {
    // Prepare
    const file = join(dir, 'ec2.csv');
    await writeCsv(file, Ec2InstanceSchema, [instance]);
    const before = await readFile(file, 'utf8');

    // Act
    const error = await writeCsv(file, Ec2InstanceSchema, [
      instance,
      { ...instance, state: 'sleeping' as 'stopped' },
    ]).catch((caught: unknown) => caught);

    // Assess
    expect(error).toMatchObject({ name: 'RecordValidationError', row: 2, column: 'state' });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['ec2.csv']);
  });
});

describe('JSON records', () => {
  it('round-trips records and names the array position of a bad one', async () => {
    const file = join(dir, 'ec2.json');
    await writeJson(file, Ec2InstanceSchema, [instance]);
    expect(await readJson(file, Ec2InstanceSchema)).toEqual([instance]);

    await writeFile(file, JSON.stringify([instance, { ...instance, region: 'mars' }]));
    await expect(readJson(file, Ec2InstanceSchema)).rejects.toMatchObject({
      row: 2,
      column: 'region',
      value: 'mars',
    });
  });

  it('rejects text that is not JSON', async () => {
    const file = join(dir, 'ec2.json');
    await writeFile(file, '[{');
    await expect(readJson(file, Ec2InstanceSchema)).rejects.toBeInstanceOf(MalformedFileError);
  });
});
