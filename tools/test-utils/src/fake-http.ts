import { Readable } from 'node:stream';

export interface CannedResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A request handler that answers SDK clients with canned responses, in order, and records requests. */
export function cannedHandler(responses: CannedResponse[]) {
  const requests: Array<{ body: string }> = [];
  return {
    requests,
    handler: {
      handle: async (request: { body?: unknown }) => {
        requests.push({ body: String(request.body ?? '') });
        const next = responses.shift();
        if (!next) throw new Error('no canned response left');
        return {
          response: {
            statusCode: next.status,
            headers: { 'content-type': 'text/xml', ...next.headers },
            body: Readable.from([Buffer.from(next.body)]),
          },
        };
      },
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
    },
  };
}

export const staticCredentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

export const ec2Error = (code: string) =>
  `<Response><Errors><Error><Code>${code}</Code><Message>${code} for test</Message></Error></Errors><RequestID>r-1</RequestID></Response>`;

export const stsError = (code: string) =>
  `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${code} for test</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`;

export const assumeRoleOk = (
  accessKeyId: string,
  expiration: string,
) => `<AssumeRoleResponse><AssumeRoleResult>
<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expiration}</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></AssumeRoleResponse>`;

export const describeRegionsOk = (regions: Array<[string, string]>) =>
  `<DescribeRegionsResponse><requestId>r</requestId><regionInfo>${regions
    .map(
      ([name, optIn]) => `<item><regionName>${name}</regionName><optInStatus>${optIn}</optInStatus></item>`,
    )
    .join('')}</regionInfo></DescribeRegionsResponse>`;
