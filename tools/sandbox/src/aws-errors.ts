import { randomUUID } from 'node:crypto';
import type { AwsRequest } from './aws-request.js';

/** Faults that answer with an AWS error (as opposed to dropping the connection). */
export type ErrorFaultKind = 'throttle' | 'server-error' | 'access-denied';

export interface AwsError {
  code: string;
  message: string;
  status: number;
  /** Query protocols report who is at fault. */
  type: 'Sender' | 'Receiver';
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** JSON services whose throttling error is not the usual ThrottlingException. */
const JSON_THROTTLE_CODES: Record<string, string> = {
  organizations: 'TooManyRequestsException',
  ce: 'LimitExceededException',
};

/** Marks injected errors, so nobody debugging a failure takes it for a bug. */
const INJECTED = ' (injected by a sandbox fault rule)';

/** The error a real service answers with for a fault of this kind, in the request's protocol. */
export function errorForFault(kind: ErrorFaultKind, request: AwsRequest): AwsError {
  const { protocol, service, operation, account } = request;
  const queryCodes = protocol === 'query' || request.queryCompatible;
  switch (kind) {
    case 'throttle':
      if (protocol === 'ec2') return sender('RequestLimitExceeded', 'Request limit exceeded.', 503);
      if (protocol === 'rest-xml') return sender('SlowDown', 'Please reduce your request rate.', 503);
      if (queryCodes) return sender('Throttling', 'Rate exceeded', 400);
      if (protocol === 'rest-json') return sender('ThrottlingException', 'Rate exceeded', 429);
      return sender(JSON_THROTTLE_CODES[service] ?? 'ThrottlingException', 'Rate exceeded', 400);
    case 'access-denied': {
      if (protocol === 'ec2') {
        return sender('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
      }
      if (protocol === 'rest-xml') return sender('AccessDenied', 'Access Denied', 403);
      const message = `User in account ${account} is not authorized to perform: ${service}:${operation}`;
      return sender(queryCodes ? 'AccessDenied' : 'AccessDeniedException', message, 403);
    }
    case 'server-error':
      if (protocol === 'ec2' || protocol === 'rest-xml') {
        return receiver('InternalError', 'We encountered an internal error. Please try again.');
      }
      return receiver('InternalFailure', 'The request processing has failed because of an unknown error.');
  }
}

function sender(code: string, message: string, status: number): AwsError {
  return { code, message: message + INJECTED, status, type: 'Sender' };
}

function receiver(code: string, message: string): AwsError {
  return { code, message: message + INJECTED, status: 500, type: 'Receiver' };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Content type of a JSON answer: the JSON version the client sent, or plain JSON for REST. */
export function jsonContentType(request: AwsRequest): string {
  const sent = request.headers['content-type'];
  return typeof sent === 'string' && sent.startsWith('application/x-amz-json') ? sent : 'application/json';
}

/** Serialises an AWS error exactly as the request's protocol carries errors. */
export function renderAwsError(
  request: AwsRequest,
  error: AwsError,
  requestId: string = randomUUID(),
): HttpAnswer {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  switch (request.protocol) {
    case 'ec2':
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body:
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
          `<RequestID>${requestId}</RequestID></Response>`,
      };
    case 'query':
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          `<ErrorResponse><Error><Type>${error.type}</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 'rest-xml':
      return {
        status: error.status,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        body:
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case 'json':
    case 'rest-json': {
      const headers: Record<string, string> = {
        'content-type': jsonContentType(request),
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': error.code,
      };
      // Query-compatible clients take the error code from this header, not from __type.
      if (request.queryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.type}`;
      const body =
        request.protocol === 'json'
          ? { __type: error.code, message: error.message }
          : { message: error.message };
      return { status: error.status, headers, body: JSON.stringify(body) };
    }
  }
}
