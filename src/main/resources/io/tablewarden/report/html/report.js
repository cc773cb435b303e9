(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  // Tabs: one remediation form shown at a time (all of them are printed). The tab bar and the Copy buttons are
  // made when a fix is first opened, so a report of tens of thousands of results stays small.
  function prepareFix(fix) {
    if (fix.querySelector('.tabs')) { return; }
    var panels = fix.querySelectorAll('.panel');
    var bar = document.createElement('div');
    bar.className = 'tabs';
    bar.setAttribute('role', 'tablist');
    panels.forEach(function (panel, index) {
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.className = index === 0 ? 'tab active' : 'tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('data-panel', String(index));
      tab.textContent = panel.getAttribute('data-label');
      bar.appendChild(tab);
      panel.classList.toggle('active', index === 0);
      if (panel.querySelector('pre')) {
        var copy = document.createElement('button');
        copy.type = 'button';
        copy.className = 'copy';
        copy.textContent = 'Copy';
        panel.insertBefore(copy, panel.firstChild);
      }
    });
    fix.insertBefore(bar, panels[0]);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (target.classList.contains('tab')) {
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

  // Filter: text, statuses, severity and muted findings; works offline on the page's own content.
  var filters = document.getElementById('filters');
  if (!filters) { return; }
  filters.hidden = false;
  var query = document.getElementById('q');
  var severity = document.getElementById('severity');
  var showMuted = document.getElementById('show-muted');
  var shown = document.getElementById('shown');
  var nothing = document.getElementById('nothing');
  var resources = Array.prototype.slice.call(document.querySelectorAll('.resource'));
  var total = document.querySelectorAll('.result').length;

  // What a search looks in: the resource's name, region and ARN, the check's id and title, the control and the
  // reason. Read from the page when first needed and kept on the row.
  function searchText(resource, row) {
    var text = row.getAttribute('data-search');
    if (text === null) {
      var head = resource.querySelector('h3').textContent + ' ' + resource.querySelector('.arn').textContent;
      var reason = row.querySelector('.reason');
      text = [head, row.getAttribute('data-check'), row.querySelector('.result-head').textContent,
        reason ? reason.textContent : ''].join(' ').toLowerCase();
      row.setAttribute('data-search', text);
    }
    return text;
  }

  function apply() {
    var words = query.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var statuses = {};
    filters.querySelectorAll('input[name=status]').forEach(function (box) { statuses[box.value] = box.checked; });
    var wantedSeverity = severity.value;
    var count = 0;
    resources.forEach(function (resource) {
      var any = false;
      resource.querySelectorAll('.result').forEach(function (row) {
        var text = words.length === 0 ? '' : searchText(resource, row);
        var visible = statuses[row.getAttribute('data-status')] === true
          && (wantedSeverity === '' || row.getAttribute('data-severity') === wantedSeverity)
          && (showMuted.checked || row.getAttribute('data-muted') !== 'yes')
          && words.every(function (w) { return text.indexOf(w) >= 0; });
        row.classList.toggle('hidden-by-filter', !visible);
        if (visible) { any = true; count++; }
      });
      resource.classList.toggle('hidden-by-filter', !any);
    });
    shown.textContent = count === total ? total + ' results' : count + ' of ' + total + ' results';
    nothing.hidden = count !== 0;
  }

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
}());
