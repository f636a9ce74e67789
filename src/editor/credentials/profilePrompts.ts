import * as vscode from 'vscode';
import { checkCredentials, type CredentialIssue } from '../../core/credentials/checkCredentials';
import { credentialsFromEnvironment, listTccliProfiles, readTccliProfile } from '../../core/credentials/credentialSources';
import { REGIONS } from '../../core/http/endpoints';
import { isChineseUi } from '../common/config';
import { SANDBOX_PROFILE } from '../common/ids';
import type { CredentialStore, Profile } from './credentialStore';

/** A region picker item. */
function regionItems(current?: string): Array<vscode.QuickPickItem & { id: string }> {
  const zh = isChineseUi();
  return REGIONS.map((r) => ({ id: r.id, label: r.id, description: zh ? r.zh : r.en, picked: r.id === current }));
}

/** Asks for a region; undefined when dismissed. */
export async function pickRegion(current?: string, title?: string): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick(regionItems(current), {
    title: title ?? vscode.l10n.t('Region'),
    placeHolder: vscode.l10n.t('Region sent as X-TC-Region (current: {0})', current ?? '-'),
    matchOnDescription: true,
  });
  return pick?.id;
}

/** The editor's own, translated sentence for a key problem found by `checkCredentials`. */
function issueMessage(issue: CredentialIssue): string {
  const label = issue.field === 'secretId' ? 'SecretId' : issue.field === 'secretKey' ? 'SecretKey' : vscode.l10n.t('Session token');
  switch (issue.code) {
    case 'empty':
      return vscode.l10n.t('{0} is empty', label);
    case 'whitespace':
      return vscode.l10n.t('{0} has leading or trailing whitespace (often picked up by copy and paste)', label);
    case 'quotes':
      return vscode.l10n.t('{0} is wrapped in quotes; paste the key without them', label);
    case 'characters':
      return vscode.l10n.t('{0} contains characters other than letters and digits', label);
    case 'swapped':
      return vscode.l10n.t('SecretId and SecretKey look swapped: the SecretKey starts with AKID, which is how SecretIds start');
    case 'prefix':
      return vscode.l10n.t('SecretId does not start with AKID, as Tencent Cloud API SecretIds do');
    case 'length':
      return issue.field === 'secretId' ? vscode.l10n.t('SecretId has an unusual length; they are usually 36 characters') : vscode.l10n.t('SecretKey has an unusual length; they are usually 32 characters');
  }
}

function issueText(issues: CredentialIssue[], field: CredentialIssue['field']): string | undefined {
  const error = issues.find((i) => i.field === field && i.severity === 'error');
  return error ? issueMessage(error) : undefined;
}

function warningText(issues: CredentialIssue[], field: CredentialIssue['field']): vscode.InputBoxValidationMessage | undefined {
  const warning = issues.find((i) => i.field === field && i.severity === 'warning');
  return warning ? { message: issueMessage(warning), severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
}

/**
 * Asks for a profile's fields one by one, checking keys as they are typed (whitespace, quotes,
 * wrong prefix, swapped SecretId/SecretKey). Editing keeps the stored SecretKey when the box is
 * left empty. Returns undefined when the user dismisses any step.
 */
export async function promptProfile(store: CredentialStore, existing?: Profile): Promise<Profile | undefined> {
  const taken = new Set((await store.list()).map((p) => p.name).filter((n) => n !== existing?.name));
  const name = await vscode.window.showInputBox({
    title: existing ? vscode.l10n.t('Edit Profile (1/5): name') : vscode.l10n.t('Add Profile (1/5): name'),
    value: existing?.name ?? (taken.size === 0 ? 'default' : ''),
    prompt: vscode.l10n.t('A name for these keys, such as "test" or "prod"'),
    validateInput: (v) =>
      !v.trim()
        ? vscode.l10n.t('Enter a name')
        : v.trim() === SANDBOX_PROFILE
          ? vscode.l10n.t('This name is reserved')
          : taken.has(v.trim())
            ? vscode.l10n.t('A profile named "{0}" already exists', v.trim())
            : undefined,
  });
  if (name === undefined) {
    return undefined;
  }
  const secretId = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} (2/5): SecretId', name.trim()),
    value: existing?.secretId ?? '',
    prompt: vscode.l10n.t('The SecretId of a Tencent Cloud API key (console: Access Management → API Keys)'),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const issues = checkCredentials({ secretId: v, secretKey: existing?.secretKey ?? 'x'.repeat(32) });
      return issueText(issues, 'secretId') ?? warningText(issues, 'secretId');
    },
  });
  if (secretId === undefined) {
    return undefined;
  }
  const secretKey = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} (3/5): SecretKey', name.trim()),
    password: true,
    ignoreFocusOut: true,
    prompt: existing
      ? vscode.l10n.t('The SecretKey; leave empty to keep the stored one. It is kept in the editor\'s secret storage only.')
      : vscode.l10n.t('The SecretKey. It is kept in the editor\'s secret storage only, never in settings or files.'),
    validateInput: (v) => {
      if (existing && v === '') {
        return undefined;
      }
      const issues = checkCredentials({ secretId, secretKey: v });
      return issueText(issues, 'secretKey') ?? issueText(issues, 'secretId') ?? warningText(issues, 'secretKey');
    },
  });
  if (secretKey === undefined) {
    return undefined;
  }
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} (4/5): session token (optional)', name.trim()),
    password: true,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Only for temporary credentials from STS; leave empty for a permanent key'),
    value: existing?.token ?? '',
    validateInput: (v) => (v !== v.trim() ? vscode.l10n.t('The token has leading or trailing whitespace') : undefined),
  });
  if (token === undefined) {
    return undefined;
  }
  const region = await pickRegion(existing?.region, vscode.l10n.t('{0} (5/5): default region', name.trim()));
  if (region === undefined) {
    return undefined;
  }
  const yes = vscode.l10n.t('Production: confirm calls that change state');
  const no = vscode.l10n.t('Not production');
  const production = await vscode.window.showQuickPick([no, yes], {
    title: vscode.l10n.t('Is "{0}" a production account?', name.trim()),
    placeHolder: existing?.production ? yes : no,
  });
  if (production === undefined) {
    return undefined;
  }
  return {
    name: name.trim(),
    secretId,
    secretKey: secretKey === '' && existing ? existing.secretKey : secretKey,
    ...(token ? { token } : {}),
    region,
    ...(production === yes ? { production: true } : {}),
  };
}

/** Picks a stored profile; undefined when dismissed or when there is none. */
export async function pickProfile(store: CredentialStore, placeHolder: string, includeSandbox = false): Promise<string | undefined> {
  const profiles = await store.list();
  const active = store.activeName();
  const items: Array<vscode.QuickPickItem & { value: string }> = profiles.map((p) => ({
    value: p.name,
    label: `${p.production ? '$(shield)' : '$(key)'} ${p.name}`,
    description: [p.maskedSecretId, p.region, p.temporary ? vscode.l10n.t('temporary') : '', p.production ? vscode.l10n.t('production') : '']
      .filter(Boolean)
      .join(' · '),
    detail: p.name === active ? vscode.l10n.t('active') : undefined,
  }));
  if (includeSandbox) {
    items.push({ value: SANDBOX_PROFILE, label: `$(beaker) ${vscode.l10n.t('Sandbox')}`, description: vscode.l10n.t('generated answers, no credentials, no network') });
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No profiles yet.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.value;
}

/** Imports keys from TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN of the extension host. */
export async function importFromEnvironment(store: CredentialStore, env: NodeJS.ProcessEnv = process.env): Promise<Profile | undefined> {
  const found = credentialsFromEnvironment(env);
  if (!found) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set in the environment the editor was started from.'),
    );
    return undefined;
  }
  return saveImported(store, 'environment', found.credentials, found.region);
}

/** Imports one of tccli's profiles from ~/.tccli. */
export async function importFromTccli(store: CredentialStore, home?: string): Promise<Profile | undefined> {
  const names = listTccliProfiles(home);
  if (names.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No tccli profiles found in ~/.tccli. Run `tccli configure` first, or add a profile by hand.'));
    return undefined;
  }
  const name = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names, { placeHolder: vscode.l10n.t('tccli profile to import') });
  if (!name) {
    return undefined;
  }
  const found = readTccliProfile(name, home);
  return saveImported(store, `tccli-${name}`, found.credentials, found.region);
}

async function saveImported(store: CredentialStore, suggested: string, credentials: { secretId: string; secretKey: string; token?: string }, region?: string): Promise<Profile | undefined> {
  const errors = checkCredentials(credentials).filter((i) => i.severity === 'error');
  if (errors.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The imported keys look wrong: {0}', errors.map(issueMessage).join('; ')));
    return undefined;
  }
  const taken = new Set((await store.list()).map((p) => p.name));
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Name of the imported profile'),
    value: suggested,
    validateInput: (v) => (!v.trim() ? vscode.l10n.t('Enter a name') : taken.has(v.trim()) ? vscode.l10n.t('A profile named "{0}" already exists', v.trim()) : undefined),
  });
  if (!name) {
    return undefined;
  }
  const profile: Profile = { name: name.trim(), ...credentials, ...(region ? { region } : {}) };
  await store.upsert(profile);
  await store.setActive(profile.name);
  void vscode.window.showInformationMessage(vscode.l10n.t('Profile "{0}" imported and active.', profile.name));
  return profile;
}
