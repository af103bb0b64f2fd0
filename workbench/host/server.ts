// `npm start`: the workbench, a local stand-in for a Jira site. It serves Jira-like pages (issues, an issue with its
// workflow and the SLA panel, the settings page, the workflow's validators), runs the app's real handlers against
// the local Jira through the Forge seams, and shows the Jira REST calls each action makes. A preview, not Jira.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { systemClock, type Clock } from '../../src/app/clock';
import { createLocalJira, type LocalJiraControl } from '../local-jira';
import { bridgeShim } from './bridge-shim';
import { ForgeHost, type AppModule } from './forge-host';
import { LocalKvs } from './local-kvs';

export type WorkbenchOptions = {
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string | null;
  /** The site's clock: the demo is seeded at its "now", and the app, the local Jira and the store all read it. */
  readonly clock: Clock;
  readonly reset: boolean;
  readonly rootDir: string;
  readonly loadApp: () => AppModule;
  /**
   * Called before each edit of an issue (a transition, a field change): tests on a manual
   * clock move it there, so that each action happens a little after the previous one, as with a person at the keyboard.
   */
  readonly beforeAction?: () => void;
  /** Run the app's scheduled trigger at start and every 5 minutes (default true). */
  readonly scheduledTrigger?: boolean;
};

type FrameContext = { readonly surface: string; readonly context: Record<string, unknown> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
};
const SURFACES = new Set([
  'sla-panel',
  'admin',
  'validator-config',
  'sprint-reserve',
  'indicators',
  'ui-modifications',
  // The SLA badge (issue 10): the issue view's jira:issueContext frame.
  'sla-badge',
]);

/** A modal's custom context, passed by the host page as JSON (anything else: an empty context). */
const parseModalContext = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
};

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
};

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('request body over 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
};

const cookieOf = (req: IncomingMessage, name: string): string | null => {
  const match = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
};

export type Workbench = {
  readonly url: string;
  readonly host: ForgeHost;
  readonly jira: LocalJiraControl;
  close(): Promise<void>;
};

export const startWorkbench = async (options: WorkbenchOptions): Promise<Workbench> => {
  const jiraFile = options.dataDir === null ? null : join(options.dataDir, 'jira.json');
  const kvsFile = options.dataDir === null ? null : join(options.dataDir, 'kvs.json');
  if (options.dataDir !== null) mkdirSync(options.dataDir, { recursive: true });
  let state: unknown;
  if (!options.reset && jiraFile !== null && existsSync(jiraFile)) {
    try {
      state = JSON.parse(readFileSync(jiraFile, 'utf8')) as unknown;
    } catch {
      state = undefined;
    }
  }
  const { clock } = options;
  const jira =
    state === undefined
      ? createLocalJira({ seed: { anchorMs: Math.floor(clock.nowMs()) }, now: clock.nowMs })
      : createLocalJira({ state, now: clock.nowMs });
  // Nothing is lost on a reset: the previous data is kept beside the new (one generation).
  for (const file of [kvsFile, jiraFile])
    if (options.reset && file !== null && existsSync(file)) renameSync(file, `${file}.before-reset`);
  const kvs = new LocalKvs(kvsFile, clock.nowMs);
  const host = new ForgeHost(jira, kvs, clock);
  host.install();
  host.attach(options.loadApp());

  const saveJira = (): void => {
    if (jiraFile === null) return;
    writeFileSync(`${jiraFile}.tmp`, JSON.stringify(jira.toJSON()));
    renameSync(`${jiraFile}.tmp`, jiraFile);
  };
  saveJira();

  const users = jira.users();
  const gadgetFile = options.dataDir === null ? null : join(options.dataDir, 'gadget.json');
  // The demo dashboard's gadget shows the month before the demo's "now" until someone configures it.
  let gadgetConfiguration: unknown = { projectKey: 'DEMAT', month: 'previous' };
  if (!options.reset && gadgetFile !== null && existsSync(gadgetFile)) {
    try {
      gadgetConfiguration = JSON.parse(readFileSync(gadgetFile, 'utf8')) as unknown;
    } catch {
      // An unreadable file: the default configuration.
    }
  }
  const frames = new Map<string, FrameContext>();
  const userOf = (req: IncomingMessage): string => {
    const chosen = cookieOf(req, 'wb_user');
    return users.some((u) => u.accountId === chosen) ? (chosen as string) : (users[0]?.accountId ?? '');
  };
  const asUser = (req: IncomingMessage, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    jira.handle({ method, path, body, caller: { kind: 'user', accountId: userOf(req) } });

  /** Runs a mutating action, lets the app's triggers and queue finish, saves the state, and counts the app's calls. */
  const action = async <T>(run: () => Promise<T>): Promise<{ result: T; appJiraCalls: number }> => {
    await host.settle();
    const before = host.calls().length;
    const result = await run();
    await host.settle();
    saveJira();
    return {
      result,
      appJiraCalls: host
        .calls()
        .slice(before)
        .filter((c) => c.kind === 'jira').length,
    };
  };

  const frameHtml = (surface: string, frameId: string, context: unknown): string | null => {
    const file = join(options.rootDir, 'static', surface, 'build', 'index.html');
    if (!existsSync(file)) return null;
    const html = readFileSync(file, 'utf8');
    // The UI's clock seam (static/shared/src/clock.ts): the frame runs on the demo's now, as the app does.
    const offsetMs = Math.round(clock.nowMs() - systemClock.nowMs());
    const clockSeam = `window.__contract_sla_clock__={nowMs:function(){return Date.now()+(${offsetMs})}};`;
    const inject = `<base href="/static/${surface}/"><script>${clockSeam}${bridgeShim(frameId, context)}</script>`;
    return html.includes('<head>') ? html.replace('<head>', `<head>${inject}`) : `${inject}${html}`;
  };

  const serveFile = (res: ServerResponse, base: string, relative: string): void => {
    const root = resolve(base);
    const file = normalize(join(root, relative));
    if (!(file === root || file.startsWith(`${root}${sep}`)) || !existsSync(file))
      return send(res, 404, { message: 'not found' });
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };

  /** The panel's context, as Jira gives it only to someone who can see the issue. */
  const issueContext = async (req: IncomingMessage, key: string): Promise<Record<string, unknown> | null> => {
    const answer = await asUser(req, 'GET', `/rest/api/3/issue/${encodeURIComponent(key)}?fields=issuetype,project`);
    if (answer.status !== 200) return null;
    const issue = answer.body as {
      id: string;
      key: string;
      fields: { issuetype?: { id?: string; name?: string }; project?: { id?: string; key?: string } };
    };
    return {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: issue.fields.issuetype?.name, typeId: issue.fields.issuetype?.id },
      project: { id: issue.fields.project?.id, key: issue.fields.project?.key, type: 'software' },
      isNewToIssue: false,
    };
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();

    if (
      method === 'GET' &&
      (path === '/' ||
        path === '/issues' ||
        path.startsWith('/browse/') ||
        path === '/settings' ||
        path === '/workflow' ||
        path === '/reserve' ||
        path === '/dashboard')
    ) {
      return serveFile(res, join(options.rootDir, 'workbench', 'host', 'public'), 'index.html');
    }
    if (method === 'GET' && path.startsWith('/assets/'))
      return serveFile(res, join(options.rootDir, 'workbench', 'host', 'public'), path.slice('/assets/'.length));
    if (method === 'GET' && path.startsWith('/static/')) {
      const [, , surface, ...rest] = path.split('/');
      if (!surface || !(SURFACES.has(surface) || surface === 'icons')) return send(res, 404, { message: 'not found' });
      return serveFile(
        res,
        join(options.rootDir, 'static', surface, surface === 'icons' ? '' : 'build'),
        rest.join('/'),
      );
    }
    if (method === 'GET' && path.startsWith('/frame/')) {
      const surface = path.slice('/frame/'.length);
      if (!SURFACES.has(surface)) return send(res, 404, 'unknown surface');
      const accountId = userOf(req);
      const common = {
        accountId,
        locale: url.searchParams.get('locale') ?? 'fr_FR',
        timezone: CONTRACT_ZONE,
        siteUrl: 'http://localhost',
        environmentType: 'DEVELOPMENT',
        localId: randomUUID(),
      };
      let context: Record<string, unknown>;
      if (surface === 'sla-panel') {
        const extension = await issueContext(req, url.searchParams.get('issue') ?? '');
        if (extension === null)
          return send(
            res,
            404,
            '<!doctype html><html lang="fr"><body><p role="alert">Ce ticket n\'existe pas ou n\'est pas visible pour vous. / This issue does not exist or is not visible to you.</p></body></html>',
          );
        context = { ...common, moduleKey: 'sla-panel', extension };
        // Opened by another frame's Modal (Forge "Modal" bridge API): its custom context is under extension.modal.
        const modal = url.searchParams.get('modal');
        if (modal !== null) context = { ...context, extension: { ...extension, modal: parseModalContext(modal) } };
      } else if (surface === 'sla-badge') {
        // The issue view's issue context panel: Jira renders it only for someone who can see the issue.
        const extension = await issueContext(req, url.searchParams.get('issue') ?? '');
        if (extension === null)
          return send(
            res,
            404,
            '<!doctype html><html lang="fr"><body><p role="alert">Ce ticket n\'existe pas ou n\'est pas visible pour vous. / This issue does not exist or is not visible to you.</p></body></html>',
          );
        context = { ...common, moduleKey: 'sla-badge', extension: { ...extension, type: 'jira:issueContext' } };
      } else if (surface === 'admin') {
        context = { ...common, moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } };
      } else if (surface === 'indicators') {
        // The dashboard gadget: its configuration is the dashboard's (saved by the edit entry point's view.submit).
        const entryPoint = url.searchParams.get('mode') === 'edit' ? 'edit' : undefined;
        context = {
          ...common,
          moduleKey: 'contract-indicators',
          extension: {
            type: 'jira:dashboardGadget',
            gadgetConfiguration: gadgetConfiguration ?? undefined,
            ...(entryPoint ? { entryPoint } : {}),
          },
        };
      } else if (surface === 'sprint-reserve') {
        // The project page, or the sprint action of a sprint card (Jira gives the sprint only for active and future sprints).
        const sprint = url.searchParams.get('sprint');
        const project = { id: '10000', key: 'DEMAT', type: 'software' };
        context = sprint
          ? {
              ...common,
              moduleKey: 'sprint-reserve-action',
              extension: {
                type: 'jira:sprintAction',
                project,
                board: { id: 1, type: 'scrum' },
                sprint: { id: Number(sprint) },
              },
            }
          : { ...common, moduleKey: 'sprint-reserve-page', extension: { type: 'jira:projectPage', project } };
      } else if (surface === 'ui-modifications') {
        // Issue 10 (D5): the app's UI modifications registered for this issue's project, type and view (as Jira
        // gives them to the module), and the form's severity field as the host page shows it.
        const key = url.searchParams.get('issue') ?? '';
        const viewType = url.searchParams.get('view') === 'GIC' ? 'GIC' : 'IssueView';
        // The create dialog (GIC) has no issue yet: the demo project and the chosen issue type.
        const extension =
          viewType === 'GIC'
            ? { issue: { typeId: url.searchParams.get('issueType') ?? '' }, project: { id: '10000', key: 'DEMAT' } }
            : await issueContext(req, key);
        if (extension === null) return send(res, 404, 'unknown issue');
        const issue = extension['issue'] as { typeId?: string };
        const project = extension['project'] as { id?: string };
        const listed = await jira.handle({
          method: 'GET',
          path: '/rest/api/3/uiModifications?expand=contexts,data',
          caller: { kind: 'app' },
        });
        type Listed = {
          id: string;
          data?: string;
          contexts?: { projectId: string | null; issueTypeId: string | null; viewType: string }[];
        };
        const values = listed.status === 200 ? (listed.body as { values: Listed[] }).values : [];
        const uiModifications = values
          .filter((m) =>
            (m.contexts ?? []).some(
              (c) =>
                c.viewType === viewType &&
                (c.projectId === null || c.projectId === String(project.id)) &&
                (c.issueTypeId === null || c.issueTypeId === String(issue.typeId)),
            ),
          )
          .map((m) => ({ id: m.id, ...(m.data === undefined ? {} : { data: m.data }) }));
        const fieldsAnswer = await jira.handle({ method: 'GET', path: '/rest/api/3/field', caller: { kind: 'app' } });
        const severity = (fieldsAnswer.body as { id: string; name: string }[]).find((f) => f.name === 'Gravité');
        const formState = severity
          ? {
              [severity.id]: {
                fieldId: severity.id,
                fieldType: 'ari:cloud:ecosystem::extension/severity',
                fieldName: severity.name,
                description: '',
                isVisible: true,
                isReadOnly: false,
                isRequired: false,
              },
            }
          : {};
        context = {
          ...common,
          moduleKey: 'severity-read-only',
          // The create dialog has no issue: only its project and issue type.
          extension: {
            type: 'jira:uiModifications',
            viewType,
            ...(viewType === 'GIC' ? { issueType: { id: issue.typeId } } : { issue }),
            project,
            uiModifications,
            formState,
          },
        };
      } else {
        const ruleKey = url.searchParams.get('rule') ?? 'administration-validator';
        const transitionId = url.searchParams.get('transition') ?? '';
        const current = jira.workflowValidators().find((v) => v.transitionId === transitionId && v.ruleKey === ruleKey);
        context = {
          ...common,
          moduleKey: ruleKey,
          extension: {
            type: 'jira:workflowValidator',
            entryPoint: 'edit',
            validatorConfig: current ? JSON.stringify(current.configuration) : undefined,
            transitionId,
          },
        };
      }
      const frameId = randomUUID();
      frames.set(frameId, { surface, context });
      const html = frameHtml(surface, frameId, context);
      return html === null
        ? send(res, 503, `<p>Custom UI "${surface}" is not built: run npm run build:ui.</p>`)
        : send(res, 200, html);
    }
    if (method === 'POST' && path === '/__workbench/invoke') {
      const body = (await readBody(req)) as { frameId?: string; functionKey?: string; payload?: unknown };
      const frame = body.frameId ? frames.get(body.frameId) : undefined;
      if (!frame || typeof body.functionKey !== 'string')
        return send(res, 400, { message: 'unknown frame or function key' });
      const { context } = frame;
      const { result } = await action(() =>
        host.invokeCounted(
          body.functionKey as string,
          body.payload ?? {},
          { ...context, accountId: undefined },
          userOf(req),
        ),
      );
      return send(res, 200, { result: result.result, jiraCalls: result.jiraCalls.length });
    }

    // The host pages' API: what Jira's own pages would show, read as the signed-in user.
    if (path === '/__workbench/api/session') {
      if (method === 'POST') {
        const { accountId } = (await readBody(req)) as { accountId?: string };
        if (!users.some((u) => u.accountId === accountId)) return send(res, 400, { message: 'unknown user' });
        return send(
          res,
          200,
          { accountId },
          { 'set-cookie': `wb_user=${encodeURIComponent(accountId as string)}; Path=/; SameSite=Strict` },
        );
      }
      return send(res, 200, { accountId: userOf(req), users });
    }
    if (method === 'GET' && path === '/__workbench/api/issues') {
      const answer = await asUser(req, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = DEMAT ORDER BY key',
        fields: ['summary', 'issuetype', 'status', '*all'],
        maxResults: 200,
      });
      const names = await jira.handle({ method: 'GET', path: '/rest/api/3/field', caller: { kind: 'app' } });
      return send(res, answer.status, { ...(answer.body as object), fields: names.body });
    }
    // Issue 10 (D5): the host page's create dialog (POST /rest/api/3/issue as the user).
    if (method === 'POST' && path === '/__workbench/api/issues') {
      const body = await readBody(req);
      options.beforeAction?.();
      const { result, appJiraCalls } = await action(() => asUser(req, 'POST', '/rest/api/3/issue', body));
      return send(res, result.status === 201 ? 200 : result.status, {
        ok: result.status < 300,
        answer: result.body ?? null,
        appJiraCalls,
      });
    }
    const issueMatch = /^\/__workbench\/api\/issues\/([A-Z][A-Z0-9_]*-\d+)(\/transitions)?$/.exec(path);
    if (issueMatch) {
      const key = issueMatch[1] as string;
      if (method === 'GET' && !issueMatch[2]) {
        const [issue, transitions, fields] = await Promise.all([
          asUser(req, 'GET', `/rest/api/3/issue/${key}?fields=*all&expand=names`),
          asUser(req, 'GET', `/rest/api/3/issue/${key}/transitions`),
          jira.handle({ method: 'GET', path: '/rest/api/3/field', caller: { kind: 'app' } }),
        ]);
        return send(res, issue.status, { issue: issue.body, transitions: transitions.body, fields: fields.body });
      }
      if (method === 'POST' && issueMatch[2]) {
        const body = await readBody(req);
        options.beforeAction?.();
        const { result, appJiraCalls } = await action(() =>
          asUser(req, 'POST', `/rest/api/3/issue/${key}/transitions`, body),
        );
        return send(res, result.status === 204 ? 200 : result.status, {
          ok: result.status < 300,
          answer: result.body ?? null,
          appJiraCalls,
          backgroundErrors: host.backgroundErrors.slice(-5),
        });
      }
      if (method === 'PUT' && !issueMatch[2]) {
        const body = await readBody(req);
        options.beforeAction?.();
        const { result, appJiraCalls } = await action(() => asUser(req, 'PUT', `/rest/api/3/issue/${key}`, body));
        return send(res, result.status === 204 ? 200 : result.status, {
          ok: result.status < 300,
          answer: result.body ?? null,
          appJiraCalls,
        });
      }
    }
    if (method === 'POST' && path === '/__workbench/api/tick') {
      const { appJiraCalls } = await action(() => host.tick());
      return send(res, 200, { ok: true, appJiraCalls });
    }
    if (path === '/__workbench/api/workflow') {
      if (method === 'GET')
        return send(res, 200, {
          transitions: jira.workflowTransitions(),
          validators: jira.workflowValidators(),
          // Issue 10 (D5): the workflow conditions, read from the state snapshot (shown, not edited, on the page).
          conditions: ((jira.toJSON() as { conditions?: unknown[] }).conditions ?? []).slice(),
        });
      if (method === 'PUT') {
        const body = (await readBody(req)) as { transitionId?: string; ruleKey?: string; configuration?: unknown };
        if (typeof body.transitionId !== 'string' || typeof body.ruleKey !== 'string')
          return send(res, 400, { message: 'transitionId and ruleKey are required' });
        let configuration = body.configuration;
        if (typeof configuration === 'string') configuration = JSON.parse(configuration) as unknown;
        jira.setWorkflowValidator(body.transitionId, body.ruleKey, configuration);
        saveJira();
        return send(res, 200, { ok: true });
      }
    }
    if (path === '/__workbench/api/gadget') {
      if (method === 'PUT') {
        const body = (await readBody(req)) as { configuration?: unknown };
        gadgetConfiguration = body.configuration ?? null;
        if (gadgetFile !== null) writeFileSync(gadgetFile, JSON.stringify(gadgetConfiguration));
        return send(res, 200, { ok: true });
      }
      return send(res, 200, { configuration: gadgetConfiguration });
    }
    if (method === 'GET' && path === '/__workbench/api/calls') {
      const after = Number(url.searchParams.get('after') ?? 0);
      return send(res, 200, {
        calls: host.calls().filter((c) => c.seq > after),
        backgroundErrors: host.backgroundErrors,
      });
    }
    return send(res, 404, { message: `not found: ${method} ${path}` });
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  // Forge runs the scheduled trigger every five minutes: the workbench does too, and once at start, so the
  // read-only fields of a fresh demo are filled as they would be shortly after installing the app.
  const runTrigger = (): void => {
    void action(() => host.tick()).catch((error: unknown) =>
      host.backgroundErrors.push(`scheduled trigger: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  if (options.scheduledTrigger !== false)
    await action(() => host.tick()).catch((error: unknown) =>
      host.backgroundErrors.push(`scheduled trigger: ${error instanceof Error ? error.message : String(error)}`),
    );
  const timer = options.scheduledTrigger === false ? null : setInterval(runTrigger, 5 * 60_000);
  timer?.unref();
  await new Promise<void>((resolveListen) => server.listen(options.port, options.host ?? '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    host,
    jira,
    close: async () => {
      if (timer !== null) clearInterval(timer);
      await host.settle();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
};
