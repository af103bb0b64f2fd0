// The workbench's host pages: a small stand-in for Jira's own pages around the app's Custom UI frames.
/* global document, window, fetch, location, history */
(() => {
  const main = document.getElementById('main');
  const flash = document.getElementById('flash');
  const callsLabel = document.getElementById('calls');
  let fields = [];

  const api = async (path, init = {}) => {
    const response = await fetch(path, { headers: { 'content-type': 'application/json' }, ...init });
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  };
  const text = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'onclick' || name === 'onchange') node[name] = value;
      else if (value !== undefined && value !== null) node.setAttribute(name, value);
    }
    for (const child of children.flat())
      node.append(child instanceof Node ? child : document.createTextNode(text(child)));
    return node;
  };
  const say = (message, isError = false) => {
    flash.textContent = message;
    flash.className = isError ? 'error' : '';
  };
  const showCalls = (count, what) => {
    callsLabel.textContent = `Appels REST Jira de l'application (${what}) : ${count}`;
  };
  const fieldId = (name) => (fields.find((f) => f.name === name) || {}).id;
  const value = (issue, name) => {
    const id = fieldId(name);
    const raw = id ? issue.fields[id] : undefined;
    return raw && typeof raw === 'object' ? raw.value || raw.name : raw;
  };
  const when = (iso) =>
    iso
      ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' })
      : '—';
  const statusBadge = (status) =>
    status
      ? el(
          'span',
          { class: `badge ${status}` },
          { running: 'En cours', paused: 'En pause', breached: 'Dépassé', met: 'Respecté' }[status] || status,
        )
      : '—';

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || !event.data) return;
    if (event.data.type === 'wb-invoked') showCalls(event.data.jiraCalls, `chargement de ${event.data.functionKey}`);
    if (event.data.type === 'wb-flag') say(event.data.flag.title || event.data.flag.description || 'Notification');
    if (event.data.type === 'wb-uim-submit') applyUiModification(event.data.payload);
    if (event.data.type === 'wb-submit' && location.pathname === '/dashboard') {
      // The gadget's edit entry point saved its configuration (view.submit): the dashboard keeps it and redraws.
      api('/__workbench/api/gadget', {
        method: 'PUT',
        body: JSON.stringify({ configuration: event.data.payload }),
      }).then(() => {
        render();
        say('Configuration du gadget enregistrée.');
      });
    }
    if (event.data.type === 'wb-navigate' && event.data.location && event.data.location.issueKey)
      go(`/browse/${event.data.location.issueKey}`);
  });

  const issuesPage = async (token) => {
    const { status, body } = await api('/__workbench/api/issues');
    if (token !== undefined && !current(token)) return;
    fields = body.fields || [];
    if (status !== 200) return main.replaceChildren(el('p', {}, 'Impossible de lire les tickets.'));
    const rows = (body.issues || []).map((issue) =>
      el(
        'tr',
        {},
        el('td', {}, el('a', { href: `/browse/${issue.key}`, 'data-nav': '' }, issue.key)),
        el('td', {}, issue.fields.issuetype && issue.fields.issuetype.name),
        el('td', {}, issue.fields.summary),
        el('td', {}, issue.fields.status && issue.fields.status.name),
        el('td', {}, value(issue, 'Gravité')),
        el('td', {}, statusBadge(value(issue, 'Statut SLA'))),
        el('td', {}, when(value(issue, 'Échéance SLA'))),
      ),
    );
    // Issue 10 (D5): a create dialog (Jira's global issue create, GIC) that runs the app's UI modification in a
    // hidden frame, as Jira does for the registered contexts.
    const types = [
      ...new Map(
        (body.issues || [])
          .map((issue) => issue.fields.issuetype)
          .filter((t) => t && t.id && t.name !== 'Story')
          .map((t) => [t.id, t]),
      ).values(),
    ];
    const dialog = el('section', { class: 'card', id: 'create-dialog', 'data-testid': 'create-dialog', hidden: '' });
    const openCreate = () => {
      delete main.dataset.uimApplied;
      const type = el(
        'select',
        { 'aria-label': 'Type' },
        types.map((t) => el('option', { value: t.id }, t.name)),
      );
      const summary = el('input', { type: 'text', 'aria-label': 'Résumé', value: '' });
      const severity = el(
        'select',
        { 'aria-label': 'Gravité', 'data-field': 'Gravité' },
        el('option', { value: '' }, '—'),
        ['Bloquante', 'Majeure', 'Mineure'].map((o) => el('option', { value: o }, o)),
      );
      const frameFor = (typeId) =>
        el('iframe', {
          src: `/frame/ui-modifications?view=GIC&issueType=${encodeURIComponent(typeId)}`,
          title: 'UI modifications',
          name: 'ui-modifications',
          hidden: '',
          'aria-hidden': 'true',
        });
      let frame = frameFor(type.value);
      type.onchange = () => {
        severity.disabled = false;
        const fresh = frameFor(type.value);
        frame.replaceWith(fresh);
        frame = fresh;
      };
      const create = el(
        'button',
        {
          type: 'button',
          'data-testid': 'create-submit',
          onclick: async () => {
            const sevId = fieldId('Gravité');
            const answer = await api('/__workbench/api/issues', {
              method: 'POST',
              body: JSON.stringify({
                fields: {
                  project: { key: 'DEMAT' },
                  issuetype: { id: type.value },
                  summary: summary.value || 'Nouveau ticket',
                  ...(sevId && severity.value ? { [sevId]: severity.value } : {}),
                },
              }),
            });
            if (answer.body.ok) {
              say(`Ticket ${answer.body.answer.key} créé.`);
              go(`/browse/${answer.body.answer.key}`);
            } else
              say(((answer.body.answer && answer.body.answer.errorMessages) || ['Création refusée.']).join(' '), true);
          },
        },
        'Créer',
      );
      dialog.replaceChildren(
        el('h2', {}, 'Créer un ticket'),
        el(
          'dl',
          { class: 'fields' },
          el('dt', {}, 'Type'),
          el('dd', {}, type),
          el('dt', {}, 'Résumé'),
          el('dd', {}, summary),
          el('dt', {}, 'Gravité'),
          el('dd', {}, severity),
        ),
        create,
        frame,
      );
      dialog.hidden = false;
    };
    const createButton = el(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'create-issue', onclick: openCreate },
      'Créer un ticket',
    );
    main.replaceChildren(
      el('h1', {}, "DEMAT'ADS – maintenance : tickets"),
      createButton,
      dialog,
      rows.length === 0
        ? el(
            'p',
            { class: 'muted' },
            'Aucun ticket visible pour cet utilisateur (droit « Parcourir les projets » absent).',
          )
        : el(
            'table',
            { 'aria-label': 'Tickets' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Clé', 'Type', 'Résumé', 'État', 'Gravité', 'Statut SLA', 'Échéance SLA'].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
              ),
            ),
            el('tbody', {}, rows),
          ),
    );
  };

  // Issue 10 (D5): what the severity UI modification submitted (@forge/jira-bridge fieldsChanges, by field id), applied
  // to the host page's severity field: read-only, with the modification's description under it.
  const applyUiModification = (payload) => {
    const changes = (payload && payload.fieldsChanges) || {};
    main.dataset.uimApplied = String(Number(main.dataset.uimApplied || '0') + 1);
    for (const [id, change] of Object.entries(changes)) {
      const name = (fields.find((f) => f.id === id) || {}).name;
      const select = name && document.querySelector(`select[data-field="${name}"]`);
      if (!select || !change) continue;
      if (change.isReadOnly === true) select.disabled = true;
      if (typeof change.description === 'string') {
        const note = el(
          'small',
          { class: 'muted', 'data-testid': 'uim-description', 'data-field-note': name },
          change.description,
        );
        const previous = select.parentElement.querySelector('[data-field-note]');
        if (previous) previous.replaceWith(note);
        else select.after(note);
      }
    }
  };

  const issuePage = async (key, token) => {
    delete main.dataset.uimApplied; // set again when this issue's UI modification has run
    const { status, body } = await api(`/__workbench/api/issues/${key}`);
    if (token !== undefined && !current(token)) return;
    if (status !== 200)
      return main.replaceChildren(
        el('p', { role: 'alert' }, `Le ticket ${key} n'existe pas ou n'est pas visible pour vous.`),
      );
    fields = body.fields || [];
    const issue = body.issue;
    const editable = (name, options) => {
      const id = fieldId(name);
      const select = el(
        'select',
        { 'aria-label': name, 'data-field': name },
        el('option', { value: '' }, '—'),
        options.map((o) => el('option', { value: o }, o)),
      );
      select.value = value(issue, name) || '';
      select.onchange = async () => {
        const answer = await api(`/__workbench/api/issues/${key}`, {
          method: 'PUT',
          body: JSON.stringify({ fields: { [id]: select.value || null } }),
        });
        if (answer.body.ok)
          say(`${name} enregistrée ; l'application a fait ${answer.body.appJiraCalls} appel(s) REST Jira.`);
        else
          say(
            (answer.body.answer &&
              (answer.body.answer.errorMessages || [])
                .concat(Object.values(answer.body.answer.errors || {}))
                .join(' ')) ||
              'Modification refusée.',
            true,
          );
        issuePage(key);
      };
      return select;
    };
    const transitions = ((body.transitions && body.transitions.transitions) || []).map((t) =>
      el(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-transition': t.id,
          onclick: async () => {
            const answer = await api(`/__workbench/api/issues/${key}/transitions`, {
              method: 'POST',
              body: JSON.stringify({ transition: { id: t.id } }),
            });
            if (answer.body.ok)
              say(`« ${t.name} » effectuée ; l'application a fait ${answer.body.appJiraCalls} appel(s) REST Jira.`);
            else
              say(
                ((answer.body.answer && answer.body.answer.errorMessages) || ['Transition refusée.']).join(' '),
                true,
              );
            issuePage(key);
          },
        },
        t.name,
      ),
    );
    const versions = (issue.fields.versions || [])
      .map((v) => `${v.name}${v.releaseDate ? ` (${v.releaseDate})` : ''}`)
      .join(', ');
    main.replaceChildren(
      el(
        'div',
        { class: 'issue' },
        el(
          'section',
          { class: 'card', 'aria-label': 'Ticket' },
          el('p', { class: 'muted' }, el('a', { href: '/issues', 'data-nav': '' }, "DEMAT'ADS"), ' / ', issue.key),
          el('h1', {}, issue.fields.summary),
          el(
            'div',
            { class: 'transitions', 'aria-label': 'Transitions' },
            transitions.length ? transitions : el('span', { class: 'muted' }, 'Aucune transition possible.'),
          ),
          el(
            'dl',
            { class: 'fields' },
            el('dt', {}, 'Type'),
            el('dd', {}, issue.fields.issuetype && issue.fields.issuetype.name),
            el('dt', {}, 'État'),
            el('dd', { 'data-testid': 'issue-status' }, issue.fields.status && issue.fields.status.name),
            el('dt', {}, 'Gravité'),
            el(
              'dd',
              {},
              editable('Gravité', ['Bloquante', 'Majeure', 'Mineure', 'Critique', 'Élevée', 'Moyenne', 'Basse']),
            ),
            el('dt', {}, 'Environnement de détection'),
            el('dd', {}, editable('Environnement de détection', ['Validation', 'Production'])),
            el('dt', {}, 'Niveau de service'),
            el('dd', {}, editable('Niveau de service', ['OR', 'ARGENT', 'BRONZE'])),
            el('dt', {}, "Début d'incident"),
            el('dd', {}, when(value(issue, "Début d'incident"))),
            el('dt', {}, 'Versions affectées'),
            el('dd', {}, versions || '—'),
            el('dt', {}, "Classe d'anomalie"),
            el('dd', { 'data-testid': 'field-anomaly-class' }, value(issue, "Classe d'anomalie")),
            el('dt', {}, 'Statut SLA'),
            el('dd', { 'data-testid': 'field-sla-status' }, statusBadge(value(issue, 'Statut SLA'))),
            el('dt', {}, 'Échéance SLA'),
            el('dd', { 'data-testid': 'field-sla-due' }, when(value(issue, 'Échéance SLA'))),
          ),
        ),
        el(
          'div',
          { class: 'issue-side' },
          // The issue's right-hand context area: the SLA badge (jira:issueContext, issue 10).
          el(
            'section',
            { class: 'card issue-context', 'aria-label': 'Contexte du ticket' },
            el('h2', {}, 'SLA'),
            el('iframe', {
              src: `/frame/sla-badge?issue=${encodeURIComponent(key)}`,
              title: 'Badge SLA',
              name: 'sla-badge',
              class: 'badge-frame',
            }),
          ),
          el(
            'section',
            { 'aria-label': 'SLA du contrat' },
            el('h2', {}, 'SLA du contrat'),
            el('iframe', {
              src: `/frame/sla-panel?issue=${encodeURIComponent(key)}`,
              title: 'SLA du contrat',
              name: 'sla-panel',
            }),
          ),
        ),
        // Issue 10 (D5): the app's UI modification runs in a hidden frame, as Jira runs it on the issue view.
        el('iframe', {
          src: `/frame/ui-modifications?issue=${encodeURIComponent(key)}&view=IssueView`,
          title: 'UI modifications',
          name: 'ui-modifications',
          hidden: '',
          'aria-hidden': 'true',
          'data-testid': 'uim-frame',
        }),
      ),
    );
  };

  // A frame's Modal (Forge "Modal" bridge API, issue 10): a frame of another resource over the page. It closes on
  // its view.close, the close button, Escape or a click on the overlay; the opener's onClose gets the payload.
  let openModal = null;
  const closeModal = (payload) => {
    if (!openModal) return;
    const { overlay, opener, openerFrameId } = openModal;
    openModal = null;
    overlay.remove();
    document.removeEventListener('keydown', onModalKey);
    if (opener) opener.postMessage({ type: 'wb-modal-closed', frameId: openerFrameId, payload }, location.origin);
  };
  const onModalKey = (event) => {
    if (event.key === 'Escape') closeModal(undefined);
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || !event.data) return;
    if (event.data.type === 'wb-open-modal') {
      closeModal(undefined);
      const resource = String(event.data.resource || '');
      const params = new URLSearchParams({ modal: JSON.stringify(event.data.context || {}) });
      if (event.data.issueKey) params.set('issue', event.data.issueKey);
      const frame = el('iframe', {
        src: `/frame/${encodeURIComponent(resource)}?${params}`,
        title: event.data.title || resource,
        name: `modal-${resource}`,
      });
      const dialog = el(
        'div',
        {
          class: `wb-modal__dialog wb-modal--${event.data.size || 'medium'}`,
          role: 'dialog',
          'aria-modal': 'true',
          'aria-label': event.data.title || resource,
        },
        el(
          'div',
          { class: 'wb-modal__header' },
          el('h2', {}, event.data.title || ''),
          el('button', { type: 'button', class: 'secondary', onclick: () => closeModal(undefined) }, 'Fermer'),
        ),
        frame,
      );
      const overlay = el('div', { class: 'wb-modal', 'data-testid': 'modal' }, dialog);
      overlay.onclick = (click) => {
        if (click.target === overlay) closeModal(undefined);
      };
      document.body.append(overlay);
      document.addEventListener('keydown', onModalKey);
      openModal = { overlay, frame, opener: event.source, openerFrameId: event.data.frameId };
    }
    if (event.data.type === 'wb-close' && openModal && event.source === openModal.frame.contentWindow)
      closeModal(event.data.payload);
  });

  const dashboardPage = () => {
    const view = el('iframe', {
      src: '/frame/indicators',
      title: 'Indicateurs du contrat',
      name: 'indicators',
      style: 'min-height: 900px',
    });
    const edit = el('div', { id: 'gadget-edit' });
    const configure = el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-testid': 'configure-gadget',
        onclick: () => {
          edit.replaceChildren(
            el('iframe', {
              src: '/frame/indicators?mode=edit',
              title: 'Configuration du gadget',
              name: 'indicators-edit',
              style: 'min-height: 260px',
            }),
          );
        },
      },
      'Configurer le gadget',
    );
    main.replaceChildren(
      el('h1', {}, 'Tableau de bord'),
      el(
        'p',
        { class: 'muted' },
        'Gadget « Indicateurs du contrat » (jira:dashboardGadget) ; dans Jira, « Modifier » ouvre sa configuration.',
      ),
      configure,
      edit,
      view,
    );
  };

  const reservePage = () => {
    main.replaceChildren(
      el('h1', {}, "DEMAT'ADS – réserve de bande passante des sprints"),
      el(
        'p',
        { class: 'muted' },
        'Page de projet de Contract SLA (dans Jira : menu du projet ; pour un sprint actif ou à venir, aussi depuis le menu « … » de sa carte dans le backlog).',
      ),
      el('iframe', {
        src: '/frame/sprint-reserve',
        title: 'Réserve de sprint',
        name: 'sprint-reserve',
        style: 'min-height: 1100px',
      }),
    );
  };

  const settingsPage = () => {
    main.replaceChildren(
      el('h1', {}, 'Contract SLA – réglages'),
      el('iframe', { src: '/frame/admin', title: 'Réglages Contract SLA', name: 'admin', style: 'min-height: 900px' }),
    );
  };

  const workflowPage = async (token) => {
    const { body } = await api('/__workbench/api/workflow');
    if (token !== undefined && !current(token)) return;
    const names = Object.fromEntries((body.transitions || []).map((t) => [t.id, t.name]));
    const rows = (body.validators || []).map((v) =>
      el(
        'tr',
        {},
        el('td', {}, `${v.transitionId} – ${names[v.transitionId] || ''}`),
        el('td', {}, v.ruleKey),
        el('td', {}, el('code', {}, JSON.stringify(v.configuration).slice(0, 140))),
        el(
          'td',
          {},
          el(
            'button',
            { type: 'button', class: 'secondary', onclick: () => configure(v.transitionId, v.ruleKey) },
            'Configurer',
          ),
        ),
      ),
    );
    main.replaceChildren(
      el('h1', {}, 'Workflow : validateurs Contract SLA'),
      el('p', { class: 'muted' }, "Dans Jira, ces écrans s'ouvrent depuis l'éditeur de workflow."),
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Transition', 'Validateur', 'Configuration', ''].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
      // Issue 10 (D5): the workflow conditions (jira:workflowCondition), which hide a transition from other users.
      el('h2', {}, 'Conditions Contract SLA'),
      el(
        'table',
        { 'data-testid': 'workflow-conditions' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Transition', 'Condition', 'Expression'].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          (body.conditions || []).map((c) =>
            el(
              'tr',
              {},
              el('td', {}, `${c.transitionId} – ${names[c.transitionId] || ''}`),
              el('td', {}, c.ruleKey),
              el('td', {}, el('code', {}, (c.configuration && c.configuration.expression) || c.expression)),
            ),
          ),
        ),
      ),
      el('div', { id: 'configure' }),
    );
  };

  const configure = (transitionId, ruleKey) => {
    const frame = el('iframe', {
      src: `/frame/validator-config?transition=${encodeURIComponent(transitionId)}&rule=${encodeURIComponent(ruleKey)}`,
      title: 'Configuration du validateur',
      style: 'min-height: 420px',
    });
    const save = el(
      'button',
      {
        type: 'button',
        class: 'primary',
        onclick: () => {
          const listener = async (event) => {
            if (event.origin !== location.origin || !event.data || event.data.type !== 'wb-configured') return;
            window.removeEventListener('message', listener);
            if (!event.data.ok) return say(event.data.message, true);
            await api('/__workbench/api/workflow', {
              method: 'PUT',
              body: JSON.stringify({ transitionId, ruleKey, configuration: event.data.config }),
            });
            say('Configuration du validateur enregistrée.');
            workflowPage();
          };
          window.addEventListener('message', listener);
          frame.contentWindow.postMessage({ type: 'wb-configure', frameId: frame.dataset.frameId }, location.origin);
        },
      },
      'Enregistrer',
    );
    frame.addEventListener('load', () => {
      // The frame's id is in its bridge shim (same origin): read it so messages can be addressed to this frame.
      try {
        const scripts = frame.contentDocument.querySelectorAll('script');
        const match = Array.from(scripts)
          .map((s) => /const frameId = "([^"]+)"/.exec(s.textContent || ''))
          .find(Boolean);
        if (match) frame.dataset.frameId = match[1];
      } catch (error) {
        say(String(error), true);
      }
    });
    document
      .getElementById('configure')
      .replaceChildren(el('h2', {}, `Transition ${transitionId} : ${ruleKey}`), frame, save);
  };

  let renderSeq = 0;
  /** Only the latest render may draw: an older page's answer arriving late is dropped. */
  const current = (token) => token === renderSeq;
  const render = () => {
    const token = ++renderSeq;
    say('');
    for (const a of document.querySelectorAll('.topbar a'))
      a.classList.toggle('active', location.pathname.startsWith(a.getAttribute('href')));
    const match = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(location.pathname);
    if (match) return issuePage(match[1], token);
    if (location.pathname === '/settings') return settingsPage();
    if (location.pathname === '/reserve') return reservePage();
    if (location.pathname === '/dashboard') return dashboardPage();
    if (location.pathname === '/workflow') return workflowPage(token);
    return issuesPage(token);
  };
  const go = (path) => {
    history.pushState({}, '', path);
    render();
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-nav]');
    if (!link) return;
    event.preventDefault();
    go(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  document.getElementById('tick').onclick = async () => {
    const answer = await api('/__workbench/api/tick', { method: 'POST' });
    say(`Déclencheur planifié exécuté : ${answer.body.appJiraCalls} appel(s) REST Jira.`);
    render();
  };

  (async () => {
    const { body } = await api('/__workbench/api/session');
    const select = document.getElementById('user');
    for (const user of body.users)
      select.append(
        el('option', { value: user.accountId }, `${user.displayName}${user.role ? ` (${user.role})` : ''}`),
      );
    select.value = body.accountId;
    select.onchange = async () => {
      await api('/__workbench/api/session', { method: 'POST', body: JSON.stringify({ accountId: select.value }) });
      render();
    };
    render();
  })();
})();
