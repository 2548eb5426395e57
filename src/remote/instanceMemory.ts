/**
 * Memory of SageMaker Studio instance types, for one question: is it under the 8 GiB that VS Code's
 * server and extensions in the space want? From the family's memory per vCPU and the size's vCPUs
 * (Amazon EC2's published shapes); unknown families answer undefined (nothing is said then).
 */

/** GiB per vCPU of the general families Studio offers. */
const GIB_PER_VCPU: Readonly<Record<string, number>> = { m5: 4, m5d: 4, m6i: 4, m6id: 4, m7i: 4, c5: 2, c6i: 2, c6id: 2, c7i: 2, r5: 8, r6i: 8, r6id: 8, r7i: 8 };
const VCPUS: Readonly<Record<string, number>> = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48, '16xlarge': 64, '24xlarge': 96, '32xlarge': 128, '48xlarge': 192 };
/** Burstable t3, whose memory does not follow its vCPUs. */
const T3: Readonly<Record<string, number>> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, '2xlarge': 32 };

/** GiB of memory of `ml.<family>.<size>`, when known. GPU families (g4dn, g5, p3…) have 16 GiB or more in every size Studio offers. */
export function instanceMemoryGiB(instanceType: string | undefined): number | undefined {
  const m = /^ml\.([a-z0-9-]+)\.([a-z0-9]+)$/.exec(instanceType ?? '');
  if (!m) {
    return undefined;
  }
  const [, family, size] = m;
  if (family === 't3') {
    return T3[size];
  }
  if (/^(g4dn|g5|g6|g6e|p3|p4d|p4de|p5|trn1|inf2)$/.test(family)) {
    return 16; // at least
  }
  const perVcpu = GIB_PER_VCPU[family];
  const vcpus = VCPUS[size];
  return perVcpu !== undefined && vcpus !== undefined ? perVcpu * vcpus : undefined;
}

export const RECOMMENDED_MEMORY_GIB = 8;

/**
 * The larger instance types offered for a space under 8 GiB: a few of the general ones, smallest
 * first, and one GPU type; each is in the API model's AppInstanceType (test/unit/remote/instance-memory.test.ts).
 */
const LARGER_CHOICES = ['ml.t3.large', 'ml.m5.large', 'ml.t3.xlarge', 'ml.m5.xlarge', 'ml.g5.xlarge'] as const;

/** The instance types to offer instead of `current`, with their memory: at least 8 GiB, and not `current`. */
export function largerInstanceTypes(current: string | undefined): { instanceType: string; gib: number }[] {
  return LARGER_CHOICES.filter((t) => t !== current).map((t) => ({ instanceType: t, gib: instanceMemoryGiB(t) ?? RECOMMENDED_MEMORY_GIB }));
}
