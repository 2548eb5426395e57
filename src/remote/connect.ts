/**
 * "Connect with Remote SSH" (sagemaker.connectSpace): a JupyterLab or Code Editor space's home
 * folder in a new window over Remote-SSH. In order, nothing changed before the user agreed:
 * what this machine needs (ssh, the Session Manager plugin, a Remote-SSH extension, a local
 * window); how the domain signs in; the space's remote access (off: turned on, the app restarted),
 * its instance's memory and its state (stopped: started as Start does); the SSH host (the Include
 * line in the user's SSH config). Each step that fails says which step it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type SpaceRemoteChange, type SpaceRemoteInfo, spaceAppArn } from '../aws/index';
import { transition, withKnownState } from '../commands/lifecycle';
import { askTarget, withAuthMode } from '../commands/targets';
import { describeTarget } from '../kinds/index';
import type { ExtensionServices } from '../context';
import { recordRecent } from '../commands/recordRecent';
import { isCancellation, isCredentialsError, UserFacingError, userMessage } from '../errors';
import type { Node } from '../tree/nodes';
import { hostAlias, SSH_CONFIG_FILE, type RemoteHost } from './hostsFile';
import { installHelper } from './install';
import { instanceMemoryGiB, largerInstanceTypes, RECOMMENDED_MEMORY_GIB } from './instanceMemory';
import { findPlugin, findSsh, PLUGIN_INSTALL_URL, REMOTE_SSH_EXTENSIONS, SSH_INSTALL_HELP } from './prerequisites';
import { REMOTE_APP_TYPES } from './names';
import { addInclude, hasInclude, includeLine, setHost } from './sshConfig';
import { OPEN_IN_BROWSER, offerBrowser, ssoRefusal, type SpaceTarget } from './ssoRefusal';


export const PLUGIN_PATH_SETTING = 'remote.sessionManagerPluginPath';
export const HOME_FOLDER = '/home/sagemaker-user';

export const BUTTONS = {
  terminal: 'Set Up for Terminal',
  installRemoteSsh: 'Install Remote-SSH',
  pluginGuide: 'Installation Guide',
  openSettings: 'Open Settings',
  browser: OPEN_IN_BROWSER,
  enableRestart: 'Turn On and Restart',
  enableStart: 'Turn On and Start',
  start: 'Start and Connect',
  addInclude: 'Add the Line',
} as const;

/** The remote folder a space opens at: its home folder over Remote-SSH. */
export function remoteFolderUri(alias: string): vscode.Uri {
  return vscode.Uri.parse(`vscode-remote://ssh-remote+${alias}${HOME_FOLDER}`);
}

/** An error of one step, saying which step and what went wrong; credential errors keep their own actions (sign in…). */
async function step<T>(s: ExtensionServices, name: string, run: () => PromiseLike<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isCancellation(e) || isCredentialsError(e)) {
      throw e;
    }
    s.log.error(`Connect with Remote SSH: ${name}`, e);
    throw new UserFacingError(`Connect with Remote SSH stopped at "${name}": ${userMessage(e)}`, { cause: e });
  }
}

/** The plugin setting from user settings only: it names a program to run, which a workspace must not choose. */
function pluginSetting(): string | undefined {
  return vscode.workspace.getConfiguration('sagemaker').inspect<string>(PLUGIN_PATH_SETTING)?.globalValue;
}

async function resolveSpace(s: ExtensionServices, node: Node | undefined): Promise<SpaceTarget | undefined> {
  // The row's own target (its kind says what it opens): a space row's is the space, through its owner.
  const target = node?.kind === 'space' ? node.target() : undefined;
  if (target?.kind === 'space') {
    return target;
  }
  return (await askTarget(s, 'space')) as SpaceTarget | undefined;
}

/** ssh and the plugin, or a message naming what is missing and where to get it (then undefined). */
async function checkTools(s: ExtensionServices): Promise<{ ssh: string; plugin: string } | undefined> {
  const ssh = findSsh();
  const plugin = findPlugin(pluginSetting());
  if (ssh && 'found' in plugin) {
    s.log.info(`Connect with Remote SSH: ssh at ${ssh}; session-manager-plugin at ${plugin.found} (from the ${plugin.from})`);
    return { ssh, plugin: plugin.found };
  }
  const problems = [
    ...(ssh ? [] : [`No ssh client was found on the PATH. ${SSH_INSTALL_HELP[process.platform] ?? SSH_INSTALL_HELP.linux}`]),
    ...('problem' in plugin ? [plugin.problem] : []),
  ];
  s.log.warn(`Connect with Remote SSH: ${problems.join(' ')}`);
  const buttons = 'problem' in plugin ? [BUTTONS.pluginGuide, BUTTONS.openSettings] : [];
  const answer = await s.prompter().message('error', `Connect with Remote SSH needs what is missing here. ${problems.join(' ')}`, buttons);
  if (answer === BUTTONS.pluginGuide) {
    await s.prompter().openExternal(vscode.Uri.parse(PLUGIN_INSTALL_URL));
  } else if (answer === BUTTONS.openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `sagemaker.${PLUGIN_PATH_SETTING}`);
  }
  return undefined;
}

/** Window or terminal: a window over Remote-SSH needs a local window and a Remote-SSH extension; else the user may set up the host for `ssh <alias>`. */
async function chooseMode(s: ExtensionServices, alias: string): Promise<'window' | 'terminal' | undefined> {
  const remoteName = s.remote.remoteName();
  if (remoteName) {
    const answer = await s.prompter().message(
      'info',
      `This window runs its extensions on another machine (${remoteName}), so a window over Remote-SSH cannot be opened from it: that needs a local VS Code window. Set up the SSH host on that machine instead, so that "ssh ${alias}" works in a terminal there?`,
      [BUTTONS.terminal],
      true,
    );
    return answer === BUTTONS.terminal ? 'terminal' : undefined;
  }
  const extension = s.remote.remoteSshExtension();
  if (extension) {
    return 'window';
  }
  const answer = await s.prompter().message(
    'info',
    `Opening the space in a window needs a Remote-SSH extension (${REMOTE_SSH_EXTENSIONS.join(', ')}; Cursor, VSCodium and Kiro have their own), which is not installed. Install one, or set up the SSH host so that "ssh ${alias}" works in a terminal.`,
    [BUTTONS.installRemoteSsh, BUTTONS.terminal],
    true,
  );
  if (answer === BUTTONS.installRemoteSsh) {
    await vscode.commands.executeCommand('workbench.extensions.search', `@id:${REMOTE_SSH_EXTENSIONS[0]}`);
    return undefined;
  }
  return answer === BUTTONS.terminal ? 'terminal' : undefined;
}

/** What the user agreed to change before connecting: remote access turned on, a larger instance type, the space started. */
interface Readiness {
  enable: boolean;
  /** A larger instance type chosen for the space (its app starts on it). */
  instanceType?: string;
  start: boolean;
}

/** What the space needs before it can be reached, each agreed to by the user; undefined when the user declined. */
async function askReadiness(s: ExtensionServices, t: SpaceTarget, info: SpaceRemoteInfo): Promise<Readiness | undefined> {
  const what = describeTarget(t);
  const state = t.space.appState;
  const active = state === 'Running' || state === 'Starting';
  if (info.remoteAccess !== 'ENABLED') {
    const text = active
      ? `Remote access is off for the ${what}. Turn it on? Its app restarts: SageMaker applies the setting when the app starts, so the running app is stopped and started again (what is not saved in it is lost).`
      : `Remote access is off for the ${what}. Turn it on and start the space?`;
    const answer = await s.prompter().message('warning', text, [active ? BUTTONS.enableRestart : BUTTONS.enableStart], true);
    if (answer !== BUTTONS.enableRestart && answer !== BUTTONS.enableStart) {
      return undefined;
    }
  } else if (!active) {
    const answer = await s.prompter().message('info', `The ${what} is ${state}. Start it and connect when it is ready?`, [BUTTONS.start], true);
    if (answer !== BUTTONS.start) {
      return undefined;
    }
  }
  const enable = info.remoteAccess !== 'ENABLED';
  const size = await askInstanceType(s, t, info, active && !enable);
  if (!size) {
    return undefined;
  }
  return { enable, instanceType: size.instanceType, start: enable || size.instanceType !== undefined || !active || state === 'Starting' };
}

/**
 * Under 8 GiB of memory: a pick of larger instance types for the space, or keep its own; Escape
 * cancels (undefined). `restarts`: the app runs and nothing else restarts it, so the pick says a
 * larger type restarts it. Enough memory (or an unknown type): keep, without asking.
 */
async function askInstanceType(s: ExtensionServices, t: SpaceTarget, info: SpaceRemoteInfo, restarts: boolean): Promise<{ instanceType?: string } | undefined> {
  const current = info.appInstanceType ?? info.defaultInstanceType;
  const gib = instanceMemoryGiB(current);
  if (current === undefined || gib === undefined || gib >= RECOMMENDED_MEMORY_GIB) {
    return {};
  }
  const then = restarts ? 'its app is stopped and started again on it (what is not saved in it is lost)' : 'it starts on it';
  return s.prompter().pick<{ instanceType?: string }>({
    title: `${t.space.spaceDisplayName || t.space.spaceName} runs on ${current}, with ${gib} GiB of memory: VS Code in the space wants at least ${RECOMMENDED_MEMORY_GIB} GiB`,
    placeholder: `Choose a larger instance type for the space (${then}), or keep ${current}; Escape cancels`,
    items: [
      ...largerInstanceTypes(current).map((c) => ({ label: c.instanceType, description: `${c.gib} GiB`, value: { instanceType: c.instanceType } })),
      { label: `Keep ${current}`, description: `${gib} GiB: VS Code may be slow or stop`, value: {} },
    ],
  });
}

/** The Include line in the user's SSH config: there, added after the user agreed, or declined (false). */
async function ensureInclude(s: ExtensionServices, ourFile: string): Promise<{ configPath: string; add: boolean } | undefined> {
  const configPath = s.remote.sshConfigPath();
  let text = '';
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UserFacingError(`Connect with Remote SSH cannot read your SSH config ${configPath}: ${(e as Error).message}`, { cause: e });
    }
  }
  if (hasInclude(text, ourFile)) {
    return { configPath, add: false };
  }
  const answer = await s.prompter().message(
    'info',
    `ssh finds the spaces' hosts in a file of SageMaker Environments. Add one line for it at the top of your SSH config ${configPath}? ${includeLine(ourFile)}. Nothing else in your file changes; deleting that line undoes it.`,
    [BUTTONS.addInclude],
    true,
  );
  return answer === BUTTONS.addInclude ? { configPath, add: true } : undefined;
}

/**
 * Turns remote access on and/or sets the larger instance type, in one UpdateSpace call: a running
 * app is stopped first (SageMaker applies both when the app starts).
 */
async function updateSpace(s: ExtensionServices, t: SpaceTarget, info: SpaceRemoteInfo, ready: Readiness): Promise<SpaceTarget | undefined> {
  let current = t;
  if (current.space.appState === 'Running' || current.space.appState === 'Starting') {
    const stopped = await step(s, "Stopping the space's app", () => transition(s, current, 'stop'));
    if (!stopped) {
      return undefined;
    }
    current = stopped as SpaceTarget;
  }
  const appType = info.appType ?? t.space.appType ?? '';
  const change: SpaceRemoteChange = {
    ...(ready.enable ? { remoteAccess: 'ENABLED' as const } : {}),
    ...(ready.instanceType ? { instanceType: { appType, instanceType: ready.instanceType, keep: info.defaultResourceSpec } } : {}),
  };
  const doing = [ready.enable ? 'turning on remote access' : '', ready.instanceType ? `setting its instance type to ${ready.instanceType}` : ''].filter(Boolean).join(' and ');
  await step(s, `${doing.charAt(0).toUpperCase()}${doing.slice(1)} (UpdateSpace)`, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connect with Remote SSH: ${doing} for ${describeTarget(t)}` }, () =>
      s.session.access().updateSpaceForRemote(t.region, t.domain.domainId, t.space.spaceName, change),
    ),
  );
  s.log.info(`Connect with Remote SSH: ${doing} for ${describeTarget(t)}`);
  return current;
}

/**
 * Starts the space as Start does (its progress, cancellable), on the instance type its last app
 * ran on (without one, CreateApp takes the space's or domain's default: a restart must not move a
 * GPU space to a small instance). A space already starting is waited for.
 */
async function startSpace(s: ExtensionServices, t: SpaceTarget, instanceType: string | undefined): Promise<SpaceTarget | undefined> {
  if (t.space.appState === 'Running') {
    return t;
  }
  if (t.space.appState === 'Starting') {
    const running = await step(s, 'Waiting for the space to start', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Waiting for ${describeTarget(t)}`, cancellable: true }, async (_p, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await s.session.access().waitForSpace(t.region, t.domain.domainId, t.space.spaceName, 'Running', { signal: abort.signal });
        } finally {
          sub.dispose();
        }
      }),
    );
    s.tree.updateSpace(running);
    return { ...t, space: running };
  }
  return (await step(s, 'Starting the space', () => transition(s, t, 'start', { spaceInstanceType: instanceType }))) as SpaceTarget | undefined;
}

export function connectSpace(s: ExtensionServices) {
  return async (node?: Node): Promise<void> => {
    const t = await resolveSpace(s, node);
    if (t) {
      await connectTarget(s, t);
    }
  };
}

/** The command's work for a space (from a row, the palette or Open Recent). */
export async function connectTarget(s: ExtensionServices, target: SpaceTarget): Promise<void> {
  let t = target;
  const appType = t.space.app?.appType ?? t.space.appType;
  if (!appType || !REMOTE_APP_TYPES.includes(appType)) {
    throw new UserFacingError(`Connect with Remote SSH works with JupyterLab and Code Editor spaces; the ${describeTarget(t)} is ${appType ? `a ${appType} space` : 'a space without an app type'}.`);
  }
  const alias = hostAlias(t.region, t.domain.domainId, t.space.spaceName);
  // 1. This machine.
  const tools = await checkTools(s);
  if (!tools) {
    return;
  }
  const mode = await chooseMode(s, alias);
  if (!mode) {
    return;
  }
  // 2. The space, as it is now, and how its domain signs in.
  const access = s.session.access();
  const current = t;
  const [info, known, domain] = await step(s, 'Reading the space', () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Connect with Remote SSH: reading ${describeTarget(current)}`, cancellable: true }, async (_p, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await Promise.all([
          access.describeSpaceRemoteAccess(current.region, current.domain.domainId, current.space.spaceName, abort.signal),
          withKnownState(s, current),
          withAuthMode(s, current.domain),
        ]);
      } finally {
        sub.dispose();
      }
    }),
  );
  t = { ...known, domain };
  // An IAM Identity Center domain: SageMaker may refuse sessions for AWS credentials there. Asked
  // once before anything changes; refused, its reason is said and the browser offered.
  if (domain.authMode === 'SSO') {
    const refusal = await ssoRefusal(s, t, spaceAppArn(info.spaceArn, appType));
    if (refusal) {
      await offerBrowser(s, t, refusal);
      return;
    }
  }
  const ready = await askReadiness(s, t, info);
  if (!ready) {
    return;
  }
  const ourFile = path.join(s.remote.storageDir, SSH_CONFIG_FILE);
  const include = await ensureInclude(s, ourFile);
  if (!include) {
    return;
  }
  // 3. Changes, each agreed to above.
  if (ready.enable || ready.instanceType) {
    const stopped = await updateSpace(s, t, info, ready);
    if (!stopped) {
      return;
    }
    t = stopped;
  }
  if (ready.start) {
    const started = await startSpace(s, t, ready.instanceType ?? info.appInstanceType);
    if (!started) {
      return;
    }
    t = started;
  }
  const host: RemoteHost = {
    region: t.region,
    domainId: t.domain.domainId,
    spaceName: t.space.spaceName,
    appArn: spaceAppArn(info.spaceArn, appType),
    // The profile the tree uses: the setting, else AWS_PROFILE as VS Code sees it (ssh may be started with another environment).
    profile: s.session.settings.profile ?? (process.env.AWS_PROFILE?.trim() || undefined),
    endpointUrl: s.session.settings.endpointUrl,
    pluginPath: tools.plugin,
  };
  await step(s, 'Setting up the SSH host', () => {
    installHelper(s.remote.storageDir, s.remote.helperSource, s.remote.runtime);
    setHost(s.remote.storageDir, alias, host);
    if (include.add) {
      addInclude(include.configPath, ourFile);
      s.log.info(`Added the Include line for ${ourFile} to ${include.configPath}`);
    }
    return Promise.resolve();
  });
  s.log.info(`SSH host ${alias} is set up for ${describeTarget(t)} (${t.region}, domain ${t.domain.domainId})`);
  // 4. Open.
  await recordRecent(s, t, 'remoteSsh');
  if (mode === 'terminal') {
    s.remote.runInTerminal(`SageMaker: ${t.space.spaceName}`, `ssh ${alias}`);
    void s.prompter().message('info', `The SSH host ${alias} is set up: "ssh ${alias}" connects to the ${describeTarget(t)} from a terminal on this machine.`, []);
    return;
  }
  const uri = remoteFolderUri(alias);
  await step(s, 'Opening the window over Remote-SSH', () => s.remote.openFolder(uri));
  s.log.info(`Opened ${uri.toString()} in a new window`);
}
