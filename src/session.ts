import type { AwsSettings, AwsTuning, SageMakerAccess } from './aws/index';
import { createSageMakerAccess, credentialsInUse, credentialsLabel } from './aws/index';
import type { Log } from './log';
import type { Prompter } from './prompter';
import { readAwsSettings } from './settings';

/**
 * The current connection: one SageMakerAccess for the current (profile, regions, endpoint),
 * created on first use from validated settings, thrown away when one of them changes.
 * The AWS layer itself loads the SDK on its first call, so creating this stays cheap.
 */
export class Session {
  private current?: { key: string; access: SageMakerAccess };
  private regionsPromise?: Promise<string[]>;
  /** The SDK's retries and timeouts: the defaults, unless a test shortens them (setTuning). */
  private tuning?: AwsTuning;

  constructor(
    private readonly log: Log,
    private readonly prompter: () => Prompter,
  ) {}

  /** Validates the settings (throws SettingsError) and returns the access for them. */
  access(): SageMakerAccess {
    const settings = readAwsSettings();
    const key = JSON.stringify(settings);
    if (this.current?.key !== key) {
      this.reset();
      this.current = { key, access: this.create(settings) };
    }
    return this.current.access;
  }

  /** The regions to show: the setting, else the profile's or environment's region. */
  regions(): Promise<string[]> {
    const access = this.access();
    if (!this.regionsPromise) {
      const p = access.resolveRegions();
      this.regionsPromise = p;
      // A failure is not cached: the next refresh asks again.
      p.catch(() => {
        if (this.regionsPromise === p) {
          this.regionsPromise = undefined;
        }
      });
    }
    return this.regionsPromise;
  }

  get settings(): AwsSettings {
    return this.access().settings;
  }

  /**
   * For the extension's own tests (the API reaches them only in ExtensionMode.Test): a shorter
   * request timeout, so a call that never answers ends in seconds rather than 3 × 30 s. The
   * timeout itself is the SDK's, over real HTTP. Undefined goes back to the defaults.
   */
  setTuning(tuning: AwsTuning | undefined): void {
    this.tuning = tuning;
    this.reset();
  }

  /** Forgets the connection (settings changed, or the user asked for a refresh). */
  reset(): void {
    this.current?.access.dispose();
    this.current = undefined;
    this.regionsPromise = undefined;
  }

  dispose(): void {
    this.reset();
  }

  private create(settings: AwsSettings): SageMakerAccess {
    this.log.info(
      `Connecting with ${credentialsLabel(credentialsInUse(settings.profile))}, regions ${settings.regions?.join(', ') ?? '(from profile)'}, endpoint ${settings.endpointUrl ?? '(AWS)'}`,
    );
    return createSageMakerAccess(settings, {
      onApiCall: (record) => this.log.apiCall(record),
      mfaCode: async (serial) => {
        const code = await this.prompter().input({
          title: 'AWS MFA code',
          prompt: `Enter the MFA code for ${serial}`,
          placeholder: '123456',
          validate: (v) => (/^\d{6}$/.test(v.trim()) ? undefined : 'An MFA code is 6 digits.'),
        });
        if (code === undefined) {
          throw new Error('MFA code entry was cancelled.');
        }
        return code.trim();
      },
    }, this.tuning);
  }
}
