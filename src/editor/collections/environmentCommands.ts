import * as vscode from 'vscode';
import type { Environment } from '../../core/collections/environmentFormat';
import type { FileRef, StoreScope } from '../../core/collections/jsonFileStore';
import { InputError } from '../../core/errors';
import { pickScope, selectEnvironment, selectedEnvironment, selectedEnvironmentName, validName, type CollectionsContext } from './collectionsContext';

/** Asks for an environment to keep secret variables in (or a new one); undefined when dismissed. */
export async function pickEnvironmentForSecrets(ctx: CollectionsContext): Promise<{ ref: FileRef; environment: Environment } | undefined> {
  const current = await selectedEnvironment(ctx).catch(() => undefined);
  if (current) {
    return current;
  }
  const name = await pickEnvironmentName(ctx, vscode.l10n.t('Environment to keep the secret variables in'), false);
  if (!name) {
    return undefined;
  }
  await selectEnvironment(ctx, name);
  return ctx.environments().findByName(name);
}

/**
 * Asks for an environment by name, offering to create one; `allowNone` adds "No environment".
 * Returns the name, `''` for none, or undefined when dismissed.
 */
export async function pickEnvironmentName(ctx: CollectionsContext, title: string, allowNone: boolean): Promise<string | undefined> {
  const { valid, invalid } = await ctx.environments().list();
  const selected = selectedEnvironmentName(ctx);
  type Item = vscode.QuickPickItem & { value: string | undefined };
  const items: Item[] = [
    ...(allowNone ? [{ label: vscode.l10n.t('No environment'), description: selected ? undefined : vscode.l10n.t('selected'), value: '' }] : []),
    ...(await Promise.all(
      valid.map(async (d): Promise<Item> => ({
        label: `$(symbol-variable) ${d.document.name}`,
        description: [d.label, d.document.name === selected ? vscode.l10n.t('selected') : undefined].filter(Boolean).join(' · '),
        detail: await environmentOrigin(ctx, d.ref, d.document),
        value: d.document.name,
      })),
    )),
    ...invalid.map((d): Item => ({ label: `$(error) ${d.ref.file}`, description: vscode.l10n.t('cannot be read'), detail: d.error.message.split('\n')[0], value: undefined })),
    { label: `$(add) ${vscode.l10n.t('New Environment…')}`, value: undefined },
  ];
  const pick = await ctx.prompts.pick(items, { title });
  if (!pick) {
    return undefined;
  }
  if (pick.value !== undefined) {
    return pick.value;
  }
  if (pick.label.startsWith('$(error)')) {
    throw new InputError(vscode.l10n.t('That environment file cannot be read; open it and fix the problems first.'));
  }
  return createEnvironment(ctx);
}

/** Asks for a new environment's name and scope, creates it and returns its name. */
export async function createEnvironment(ctx: CollectionsContext, name?: string, scope?: StoreScope): Promise<string | undefined> {
  const chosen =
    name ??
    (await ctx.prompts.input({ title: vscode.l10n.t('New Environment'), prompt: vscode.l10n.t('A name such as "dev" or "prod"'), validateInput: validName }));
  if (!chosen) {
    return undefined;
  }
  const where = scope ?? (await pickScope(ctx, vscode.l10n.t('environment')));
  if (!where) {
    return undefined;
  }
  await ctx.environments().create(where, chosen.trim());
  return chosen.trim();
}

/** Asks for a secret variable of an environment; `allowNew` also offers to declare a new one. */
export async function pickSecretVariable(
  ctx: CollectionsContext,
  args: { environment?: string; variable?: string },
  allowNew: boolean,
): Promise<{ env: { ref: FileRef; environment: Environment }; variable: string } | undefined> {
  const envName = args.environment ?? selectedEnvironmentName(ctx) ?? (await pickEnvironmentName(ctx, vscode.l10n.t('Environment of the secret variable'), false));
  if (!envName) {
    return undefined;
  }
  const env = await ctx.environments().findByName(envName);
  let variable = args.variable;
  if (!variable) {
    const secretNames = Object.entries(env.environment.variables)
      .filter(([, d]) => d.secret)
      .map(([n]) => n);
    const items = await Promise.all(
      secretNames.map(async (n) => ({
        label: `$(lock) ${n}`,
        description:
          (await ctx.secretsFor(env.ref).get(envName, n)) !== undefined
            ? vscode.l10n.t('value stored for {0}', ctx.secretsFor(env.ref).label)
            : vscode.l10n.t('no value yet for {0}', ctx.secretsFor(env.ref).label),
        detail: env.environment.variables[n]?.description,
        name: n as string | undefined,
      })),
    );
    if (allowNew) {
      items.push({ label: `$(add) ${vscode.l10n.t('New Secret Variable…')}`, description: '', detail: undefined, name: undefined });
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Environment "{0}" has no secret variables.', envName));
      return undefined;
    }
    const pick = await ctx.prompts.pick(items, { title: vscode.l10n.t('Secret variables of "{0}"', envName) });
    if (!pick) {
      return undefined;
    }
    variable =
      pick.name ??
      (await ctx.prompts.input({
        title: vscode.l10n.t('New secret variable of "{0}"', envName),
        prompt: vscode.l10n.t('The name used in {{Name}} references, such as UserSig'),
        validateInput: (v) => (/^[\w.-]+$/.test(v) ? undefined : vscode.l10n.t('Use letters, digits, "_", "." and "-"')),
      }));
    if (!variable) {
      return undefined;
    }
  }
  const def = env.environment.variables[variable];
  if (def && !def.secret) {
    throw new InputError(vscode.l10n.t('Variable "{0}" of environment "{1}" is not secret: its value is in the environment file.', variable, envName));
  }
  return { env, variable };
}

export async function setSecret(ctx: CollectionsContext, args: { environment?: string; variable?: string } = {}): Promise<void> {
  const picked = await pickSecretVariable(ctx, args, true);
  if (!picked) {
    return;
  }
  const { env, variable } = picked;
  const value = await ctx.secretsFor(env.ref).prompt(env.environment.name, variable, (options) => ctx.prompts.input(options));
  if (value === undefined) {
    return;
  }
  await ctx.secretsFor(env.ref).set(env.environment.name, variable, value);
  if (!env.environment.variables[variable]) {
    await ctx.environments().update(env.ref, (e) => {
      e.variables[variable] = { secret: true };
    });
  }
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Secret variable {0} of "{1}" stored', variable, env.environment.name), 4000);
}

export async function clearSecret(ctx: CollectionsContext, args: { environment?: string; variable?: string } = {}): Promise<void> {
  const picked = await pickSecretVariable(ctx, args, false);
  if (!picked) {
    return;
  }
  await ctx.secretsFor(picked.env.ref).delete(picked.env.environment.name, picked.variable);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Secret variable {0} of "{1}" cleared', picked.variable, picked.env.environment.name), 4000);
}

/**
 * Where an environment comes from, for the picker: its file (a workspace's or the user's own), how
 * many variables it declares, and for its secret variables whose secret storage holds their values,
 * since a workspace's environments never receive the values stored for the user's.
 */
async function environmentOrigin(ctx: CollectionsContext, ref: FileRef, environment: Environment): Promise<string> {
  const names = Object.keys(environment.variables);
  const secretNames = names.filter((n) => environment.variables[n]?.secret);
  const file = ref.scope === 'workspace' ? vscode.l10n.t('file in this workspace') : vscode.l10n.t('file in your user environments');
  const parts = [file, vscode.l10n.t('{0} variables', names.length)];
  if (secretNames.length > 0) {
    const secrets = ctx.secretsFor(ref);
    const stored = (await Promise.all(secretNames.map((n) => secrets.get(environment.name, n)))).filter((v) => v !== undefined).length;
    parts.push(vscode.l10n.t('{0} of {1} secret values stored for {2}', stored, secretNames.length, secrets.label));
  }
  return parts.join(' · ');
}
