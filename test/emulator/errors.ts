/**
 * Errors as SageMaker sends them over AWS JSON 1.1: an HTTP status, the `x-amzn-ErrorType`
 * header and a `{"__type", "message"}` body, from which the SDK picks its exception class.
 */

export class ServiceError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const validation = (message: string): ServiceError => new ServiceError('ValidationException', message);
export const notFound = (message: string): ServiceError => new ServiceError('ResourceNotFound', message);
export const inUse = (message: string): ServiceError => new ServiceError('ResourceInUse', message);
export const limitExceeded = (message: string): ServiceError => new ServiceError('ResourceLimitExceeded', message);

/** The status AWS uses for an error type when the caller does not say. */
export function defaultStatusFor(errorType: string): number {
  switch (errorType) {
    case 'InternalFailure':
    case 'InternalServerError':
      return 500;
    case 'ServiceUnavailable':
      return 503;
    default:
      return 400;
  }
}

export function errorBody(err: ServiceError): string {
  return JSON.stringify({ __type: err.errorType, message: err.message });
}
