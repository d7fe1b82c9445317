import { describe, expect, it } from 'vitest';
import {
  isNotImplementedError,
  isRunbooksError,
  isUsageError,
  NotImplementedError,
  UsageError,
} from '../../src/errors.js';

describe('NotImplementedError', () => {
  it('names the command and what it will do', () => {
    // Act
    const error = new NotImplementedError('inventory cfn drift', 'detect drifted stacks');

    // Assess
    expect(error.message).toBe(
      'runbooks inventory cfn drift is not implemented yet. It will detect drifted stacks.',
    );
    expect(error.name).toBe('NotImplementedError');
    expect(error.commandPath).toBe('inventory cfn drift');
  });
});

describe('error guards', () => {
  it('recognise errors by brand, across copies of the class', () => {
    // Prepare
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('@inv/runbooks.RunbooksError')]: true,
      [Symbol.for('@inv/runbooks.UsageError')]: true,
    });

    // Assess
    expect(isUsageError(foreign)).toBe(true);
    expect(isRunbooksError(foreign)).toBe(true);
    expect(isNotImplementedError(foreign)).toBe(false);
  });

  it('tell the error kinds apart', () => {
    expect(isUsageError(new UsageError('x'))).toBe(true);
    expect(isUsageError(new NotImplementedError('a', 'b'))).toBe(false);
    expect(isNotImplementedError(new NotImplementedError('a', 'b'))).toBe(true);
    expect(isRunbooksError(new NotImplementedError('a', 'b'))).toBe(true);
    expect(isRunbooksError(new Error('x'))).toBe(false);
    expect(isRunbooksError(undefined)).toBe(false);
  });
});
