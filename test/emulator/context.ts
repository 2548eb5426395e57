/** What the operation modules need from the service: the region's data, the clock, paging, grants. */
import type { RegionData } from './data';
import type { Paginator } from './pagination';
import type { PresignedGrants } from './presigned';

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;
export type Operations = Record<string, (region: string, input: Input) => Output>;

export interface ServiceContext {
  /** The region's data, with due state transitions applied (an empty account for a region without data). */
  region(name: string): RegionData;
  readonly account: string;
  now(): number;
  readonly paginator: Paginator;
  readonly grants: PresignedGrants;
  /** Where presigned URLs point: the emulator's own address. */
  readonly baseUrl: string;
  /** Moves `record` to status `to` after the transition delay. */
  schedule(record: object, to: string): void;
  /** Drops `record`'s pending transition (an app replaced by a new one of the same name). */
  unschedule(record: object): void;
}

/** Defaults of the presign operations' ExpiresInSeconds / SessionExpirationDurationInSeconds. */
export const DEFAULT_EXPIRES_IN_SECONDS = 300;
export const DEFAULT_SESSION_SECONDS = 43200;
