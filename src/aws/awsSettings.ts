/** The settings as the layer uses them: blanks dropped, the setting's regions validated. Cheap: no SDK. */
import { AwsError } from './errors';
import type { AwsSettings } from './options';
import { validateRegion } from './validation';

/** Blank strings from settings mean "not set". */
export function normalizeSettings(settings: AwsSettings): AwsSettings {
  return {
    profile: settings.profile?.trim() || undefined,
    regions: settings.regions,
    endpointUrl: settings.endpointUrl?.trim() || undefined,
  };
}

/**
 * The regions of the sagemaker.regions setting, without blanks and duplicates, each validated
 * (an AwsError naming a bad one); undefined when the setting lists none.
 */
export function settingRegions(settings: AwsSettings): string[] | undefined {
  const explicit = (settings.regions ?? []).map((r) => r.trim()).filter((r) => r.length > 0);
  if (explicit.length === 0) {
    return undefined;
  }
  const regions = [...new Set(explicit)];
  for (const r of regions) {
    const problem = validateRegion(r);
    if (problem) {
      throw new AwsError('validation', `${problem} (from the sagemaker.regions setting)`, { action: { label: 'Open Settings', kind: 'open-settings' } });
    }
  }
  return regions;
}
