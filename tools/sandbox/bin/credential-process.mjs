#!/usr/bin/env node
// A credential_process helper, like the ones that hand out SSO or vault credentials: prints the keys of a
// profile in a shared credentials file as the JSON the AWS SDKs expect.
// Usage: credential-process.mjs <credentials file> <profile>
import { readFileSync } from 'node:fs';

const [file, profile] = process.argv.slice(2);
if (!file || !profile) {
  process.stderr.write('usage: credential-process.mjs <credentials file> <profile>\n');
  process.exit(2);
}

const keys = {};
let section;
for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
  const line = raw.trim();
  const header = /^\[(.+)\]$/.exec(line);
  if (header) {
    section = header[1].trim();
  } else if (section === profile && line.includes('=')) {
    const at = line.indexOf('=');
    keys[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
}

if (!keys.aws_access_key_id || !keys.aws_secret_access_key) {
  process.stderr.write(`no keys for profile ${profile} in ${file}\n`);
  process.exit(1);
}
const credentials = {
  Version: 1,
  AccessKeyId: keys.aws_access_key_id,
  SecretAccessKey: keys.aws_secret_access_key,
};
if (keys.aws_session_token) credentials.SessionToken = keys.aws_session_token;
process.stdout.write(`${JSON.stringify(credentials)}\n`);
