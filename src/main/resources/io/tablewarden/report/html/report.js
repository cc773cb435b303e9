(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  // The results of every resource, from the page's data block (see ReportData). Everything in it that came from
  // the audited account is only ever set as text (textContent, attribute values), never parsed as markup.
  var dataBlock = document.getElementById('report-data');
  var data = dataBlock ? JSON.parse(dataBlock.textContent) : { resources: [], checks: [], strings: [], mutes: [] };
  var articles = Array.prototype.slice.call(document.querySelectorAll('article.resource'));
  var TONES = { FAIL: 'fail', ERROR: 'error', PASS: 'pass', NOT_APPLICABLE: 'na' };
  var SHELL = 0, YAML = 1, HCL = 2, MARKDOWN = 3;

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function stringOf(value) {
    return typeof value === 'number' ? data.strings[value] : value;
  }

  // A fix form joined from the check's text and the result's values, which the writer escaped for this form.
  // A placeholder without a value stays as it is written.
  function join(segments, refs, values, format) {
    if (segments === null || segments === undefined) { return ''; }
    var text = '';
    for (var i = 0; i < segments.length; i++) {
      var s = segments[i];
      if (typeof s === 'string') {
        text += s;
      } else {
        var v = values[s];
        text += v === null || v === undefined ? refs[s] : (typeof v === 'string' ? v : v[format]);
      }
    }
    return text;
  }

  function panel(label, child) {
    var p = element('div', 'panel');
    p.setAttribute('data-label', label);
    p.appendChild(child);
    return p;
  }

  function codePanel(label, text) {
    var pre = element('pre');
    pre.appendChild(element('code', null, text));
    return panel(label, pre);
  }

  function fixOf(form, values, whole) {
    whole = whole || {};
    function text(name, segments, format) {
      return Object.prototype.hasOwnProperty.call(whole, name) ? whole[name]
        : join(segments, form.refs, values, format);
    }
    var fix = element('div', 'fix');
    var summary = element('p', 'fix-summary', text('summary', form.summary, MARKDOWN));
    if (!form.inPlace) {
      summary.appendChild(document.createTextNode(' '));
      summary.appendChild(element('strong', null, 'This fix creates a replacement resource.'));
    }
    fix.appendChild(summary);
    fix.appendChild(codePanel('AWS CLI', text('cli', form.cli, SHELL)));
    fix.appendChild(codePanel('CloudFormation', text('cfn', form.cfn, YAML)));
    fix.appendChild(codePanel('Terraform', text('tf', form.tf, HCL)));
    var steps = element('ol', 'steps');
    var stepTexts = Object.prototype.hasOwnProperty.call(whole, 'console') ? whole.console
      : form.console.map(function (step) { return join(step, form.refs, values, MARKDOWN); });
    stepTexts.forEach(function (step) { steps.appendChild(element('li', null, step)); });
    fix.appendChild(panel('Console', steps));
    return fix;
  }

  // One result: [check, status, severity, reason, mute or -1, evidence, fix values, whole forms].
  function resultRow(r) {
    var check = data.checks[r[0]];
    var status = data.statuses[r[1]];
    var severity = data.severities[r[2]];
    var mute = r[4] >= 0 ? data.mutes[r[4]] : null;
    var row = element('div', 'result');
    row.setAttribute('data-status', status);
    row.setAttribute('data-severity', severity);
    row.setAttribute('data-muted', mute ? 'yes' : 'no');
    row.setAttribute('data-check', check.id);
    var head = element('div', 'result-head');
    head.appendChild(element('span', 'pill ' + TONES[status], status === 'NOT_APPLICABLE' ? 'N/A' : status));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(element('span', 'sev ' + severity, severity));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(element('span', 'check', check.title));
    if (check.control) {
      head.appendChild(document.createTextNode(' '));
      head.appendChild(element('span', 'control mono', check.control));
    }
    if (mute) {
      head.appendChild(document.createTextNode(' '));
      head.appendChild(element('span', 'pill muted', 'muted'));
    }
    row.appendChild(head);
    row.appendChild(element('p', 'reason', r[3]));
    if (mute) {
      row.appendChild(element('p', 'mute-note', 'Muted' + (mute[1] ? ' by ' + mute[1] : '') + ', until ' + mute[2]
        + ': ' + mute[0]));
    }
    var evidence = r[5];
    var hasFix = r.length > 6 && check.fix;
    if (evidence.length > 0 || hasFix) {
      var more = element('div', 'more');
      var toggle = element('button', 'toggle', hasFix ? 'Evidence and fix' : 'Evidence');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      more.appendChild(toggle);
      var body = element('div', 'more-body');
      if (evidence.length > 0) {
        var table = element('table', 'evidence');
        var tbody = element('tbody');
        for (var i = 0; i + 1 < evidence.length; i += 2) {
          var tr = element('tr');
          tr.appendChild(element('th', null, stringOf(evidence[i])));
          tr.appendChild(element('td', null, stringOf(evidence[i + 1])));
          tbody.appendChild(tr);
        }
        table.appendChild(tbody);
        body.appendChild(table);
      }
      if (hasFix) { body.appendChild(fixOf(check.fix, r[6], r[7])); }
      more.appendChild(body);
      row.appendChild(more);
    }
    return row;
  }

  // Sections are drawn once, when the reader comes near them, when a link leads to them and before printing.
  var drawn = [];
  var rows = [];
  function draw(index) {
    if (drawn[index]) { return; }
    drawn[index] = true;
    var box = articles[index].querySelector('.results');
    var fragment = document.createDocumentFragment();
    var list = data.resources[index] || [];
    rows[index] = list.map(function (r) {
      var row = resultRow(r);
      fragment.appendChild(row);
      return row;
    });
    box.textContent = '';
    box.appendChild(fragment);
    // once the filter has judged the results (even while it is being set up), drawn rows follow it
    if (filterReady || visible) { showRows(index); }
    if (observer) { observer.unobserve(articles[index]); }
  }

  function drawAll() {
    for (var i = 0; i < articles.length; i++) { draw(i); }
  }

  // A small report is drawn at once; a large one as the reader comes near each resource.
  var resultCount = 0;
  data.resources.forEach(function (list) { resultCount += list.length; });
  var observer = null;
  if ('IntersectionObserver' in window && resultCount > 200) {
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { draw(articles.indexOf(entry.target)); }
      });
    }, { rootMargin: '1200px 0px' });
    articles.forEach(function (a) { observer.observe(a); });
  } else {
    drawAll();
  }
  window.addEventListener('beforeprint', drawAll);

  // A section and the few after it are drawn before a link to them is followed, so the jump lands on them.
  function drawFrom(target) {
    var start = articles.indexOf(target);
    if (start < 0 && target && target.id === 'resources') { start = 0; }
    for (var i = Math.max(start, 0), n = 0; start >= 0 && i < articles.length && n < 6; i++) {
      if (!articles[i].classList.contains('hidden-by-filter')) { draw(i); n++; }
    }
  }

  function targetOf(hash) {
    if (!hash || hash.length < 2 || hash.indexOf('#q=') === 0) { return null; }
    try { return document.getElementById(decodeURIComponent(hash.substring(1))); } catch (ignored) { return null; }
  }

  // Tabs: one remediation form shown at a time (all of them are printed). The tab bar and the Copy buttons are
  // made when a fix is first opened.
  function prepareFix(fix) {
    if (fix.querySelector('.tabs')) { return; }
    var panels = fix.querySelectorAll('.panel');
    var bar = element('div', 'tabs');
    bar.setAttribute('role', 'tablist');
    panels.forEach(function (p, index) {
      var tab = element('button', index === 0 ? 'tab active' : 'tab', p.getAttribute('data-label'));
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-panel', String(index));
      bar.appendChild(tab);
      p.classList.toggle('active', index === 0);
      if (p.querySelector('pre')) {
        var copy = element('button', 'copy', 'Copy');
        copy.type = 'button';
        p.insertBefore(copy, p.firstChild);
      }
    });
    fix.insertBefore(bar, panels[0]);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var link = target.closest('a[href^="#"]');
    if (link) {
      drawFrom(targetOf(link.getAttribute('href')));
    } else if (target.classList.contains('tab')) {
      var fix = target.closest('.fix');
      var chosen = target.getAttribute('data-panel');
      fix.querySelectorAll('.tab').forEach(function (t) { t.classList.toggle('active', t === target); });
      fix.querySelectorAll('.panel').forEach(function (p, index) {
        p.classList.toggle('active', String(index) === chosen);
      });
    } else if (target.classList.contains('toggle')) {
      var more = target.parentElement;
      var open = more.classList.toggle('open');
      target.setAttribute('aria-expanded', open ? 'true' : 'false');
      var fixOfRow = more.querySelector('.fix');
      if (open && fixOfRow) { prepareFix(fixOfRow); }
    } else if (target.classList.contains('copy')) {
      var code = target.parentElement.querySelector('code');
      copyText(code ? code.textContent : '', target);
    }
  });

  function copyText(text, button) {
    function done() {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'hidden-by-filter';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (ignored) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  // Filter: text, statuses, severity and muted findings, over the data of every result, drawn or not.
  var filterReady = false;
  var visible = [];

  function showRows(index) {
    var list = rows[index];
    var wanted = visible[index];
    if (!list || !wanted) { return; }
    for (var j = 0; j < list.length; j++) { list[j].classList.toggle('hidden-by-filter', !wanted[j]); }
  }

  var filters = document.getElementById('filters');
  if (filters) {
    filters.hidden = false;
    var query = document.getElementById('q');
    var severity = document.getElementById('severity');
    var showMuted = document.getElementById('show-muted');
    var shown = document.getElementById('shown');
    var nothing = document.getElementById('nothing');
    var total = 0;
    data.resources.forEach(function (list) { total += list.length; });
    var searchTexts = [];

    // What a search looks in: the resource's kind, name, region and ARN, the check's id, title and control, the
    // status, severity, whether it is muted and the reason.
    var searchText = function (index, j) {
      var texts = searchTexts[index];
      if (!texts) {
        var article = articles[index];
        var resource = article.querySelector('h3').textContent + ' ' + article.querySelector('.arn').textContent;
        texts = searchTexts[index] = data.resources[index].map(function (r) {
          var check = data.checks[r[0]];
          var status = data.statuses[r[1]];
          return [resource, check.id, status === 'NOT_APPLICABLE' ? 'N/A' : status, data.severities[r[2]],
            check.title, check.control, r[4] >= 0 ? 'muted' : '', r[3]].join(' ').toLowerCase();
        });
      }
      return texts[j];
    };

    var apply = function () {
      var words = query.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var statuses = {};
      filters.querySelectorAll('input[name=status]').forEach(function (box) { statuses[box.value] = box.checked; });
      var wantedSeverity = severity.value;
      var muted = showMuted.checked;
      var count = 0;
      data.resources.forEach(function (list, index) {
        var any = false;
        visible[index] = list.map(function (r, j) {
          var text = words.length === 0 ? '' : searchText(index, j);
          var show = statuses[data.statuses[r[1]]] === true
            && (wantedSeverity === '' || data.severities[r[2]] === wantedSeverity)
            && (muted || r[4] < 0)
            && words.every(function (w) { return text.indexOf(w) >= 0; });
          if (show) { any = true; count++; }
          return show;
        });
        if (articles[index]) { articles[index].classList.toggle('hidden-by-filter', !any); }
        showRows(index);
      });
      shown.textContent = count === total ? total + ' results' : count + ' of ' + total + ' results';
      nothing.hidden = count !== 0;
      // A narrowed list is short: its first resources are drawn now rather than when the reader scrolls.
      if (count !== total) { drawFrom(articles.filter(function (a) {
        return !a.classList.contains('hidden-by-filter');
      })[0] || null); }
    };

    var pending = null;
    query.addEventListener('input', function () {
      if (pending !== null) { clearTimeout(pending); }
      pending = setTimeout(function () { pending = null; apply(); }, 120);
    });
    filters.addEventListener('change', apply);
    // A link may carry a search: report.html#q=orders opens with that filter.
    if (location.hash.indexOf('#q=') === 0) {
      try { query.value = decodeURIComponent(location.hash.substring(3)); } catch (ignored) { /* not a search */ }
    }
    apply();
    filterReady = true;
  }

  // Opened at a resource (a link from elsewhere, or #resources): draw what the reader lands on right away.
  // report.html#all draws every result at once, so that the browser's own find sees them all.
  if (location.hash === '#all') {
    drawAll();
  } else {
    drawFrom(targetOf(location.hash));
  }
  window.addEventListener('hashchange', function () {
    if (location.hash === '#all') { drawAll(); }
  });
  // For the benchmark and the tests: when the page became usable, in milliseconds after navigation started.
  root.setAttribute('data-ready', String(Math.round(performance.now())));
}());
