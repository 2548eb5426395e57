/**
 * A notebook instance, as data: what the last-known tree keeps of it, its link, how it is started
 * and stopped, and the poller's key of its row.
 */
import type { NotebookInstance } from '../aws/index';
import { FIELD_RULES, type ResourceSpec, type TargetSpec } from './kind';

export const notebookResource: ResourceSpec<'notebook'> = {
  kind: 'notebook',
  label: 'Notebook instance',
  opens: 'notebook',
  stored: {
    region: ['text', true],
    notebookInstanceName: ['text', true],
    notebookInstanceArn: ['text', false],
    status: ['text', false],
    instanceType: ['text', false],
    creationTime: ['date', false],
    lastModifiedTime: ['date', false],
  },
};

export interface NotebookTarget {
  readonly kind: 'notebook';
  readonly region: string;
  readonly notebook: NotebookInstance;
}

/** The key every row of one notebook instance shares. */
export function notebookStateKey(n: NotebookInstance): string {
  return JSON.stringify(['notebook', n.region, n.notebookInstanceName]);
}

export const notebookTarget: TargetSpec<'notebook'> = {
  kind: 'notebook',
  label: 'Notebook instance',
  palette: { about: 'a SageMaker notebook instance', icon: 'vm-running', select: 'Select a notebook instance' },
  keys: { name: FIELD_RULES.NotebookInstanceName },
  describe: (r) => `notebook instance ${r.name}`,
  name: (t) => `notebook instance ${t.notebook.notebookInstanceName}`,
  urlCall: (t) => ({ operation: 'CreatePresignedNotebookInstanceUrl', notebookInstanceName: t.notebook.notebookInstanceName }),
  copy: (t) => ({ id: t.notebook.notebookInstanceName, arn: t.notebook.notebookInstanceArn, what: `notebook instance ${t.notebook.notebookInstanceName}` }),
  toRef: (t) => ({ ref: { kind: 'notebook', region: t.region, name: t.notebook.notebookInstanceName }, names: {} }),
  // DescribeNotebookInstance: whether it is in service.
  fromRef: async (access, ref) => ({ kind: 'notebook', region: ref.region, notebook: await access.describeNotebookInstance(ref.region, ref.name!) }),
  lifecycle: {
    isRunning: (t) => t.notebook.status === 'InService',
    state: (t) => t.notebook.status ?? 'unknown',
    stateKey: (t) => notebookStateKey(t.notebook),
    passing: { start: 'Pending', stop: 'Stopping' },
    call: (access, t, action) => (action === 'start' ? access.startNotebookInstance(t.region, t.notebook.notebookInstanceName) : access.stopNotebookInstance(t.region, t.notebook.notebookInstanceName)),
    wait: async (access, t, until, o) => ({ ...t, notebook: await access.waitForNotebookInstance(t.region, t.notebook.notebookInstanceName, until === 'running' ? 'InService' : 'Stopped', o) }),
    withState: (t, status) => ({ ...t, notebook: { ...t.notebook, status } }),
    read: async (access, t) => ({ ...t, notebook: await access.describeNotebookInstance(t.region, t.notebook.notebookInstanceName) }),
  },
};

declare module './kind' {
  interface ResourceKinds {
    notebook: NotebookInstance;
  }
  interface TargetKinds {
    notebook: NotebookTarget;
  }
}
