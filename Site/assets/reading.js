/*
 * Reading aids that need a script, each optional: without JavaScript the page reads the same.
 * - The outline of a chapter ("On this page") marks the section being read.
 * - Each rule's heading gets a link to it on the page and buttons to copy its address and a
 *   citation ("Handbook, edition 1.0, CONF-2: title, address").
 * - A reference to a rule shows the rule's title and first sentence on hover and on focus,
 *   from rule-previews.js, which the build writes.
 * Loaded as a file of its own (no inline script), so it runs under a strict Content-Security-Policy.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ the section being read

  /** The outline's links and the elements they lead to, in the page's order. */
  function outlineTargets(outline) {
    return Array.prototype.map.call(outline.querySelectorAll('a[href^="#"]'), function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      return {link: link, target: document.getElementById(id)};
    }).filter(function (entry) { return entry.target; });
  }

  /**
   * Marks the link of the last section whose start has passed a line a little below the top of
   * the window (under the header that stays there), or the first while none has.
   */
  function trackOutline(outline) {
    var entries = outlineTargets(outline);
    if (!entries.length) return;
    var current = null;
    var pending = false;
    function update() {
      pending = false;
      var line = Math.min(window.innerHeight * 0.3, 200);
      var header = document.querySelector('.site-header');
      if (header && getComputedStyle(header).position === 'sticky') line += header.getBoundingClientRect().height;
      var reading = entries[0];
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].target.getBoundingClientRect().top <= line) reading = entries[i];
        else break;
      }
      // At the very end of the page, the last sections cannot reach the line: mark the last.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) reading = entries[entries.length - 1];
      if (reading === current) return;
      if (current) current.link.removeAttribute('aria-current');
      reading.link.setAttribute('aria-current', 'true');
      current = reading;
      // Keep the marked link in view inside the outline, when the outline scrolls on its own.
      if (outline.scrollHeight > outline.clientHeight) {
        var box = outline.getBoundingClientRect();
        var at = reading.link.getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) outline.scrollTop += at.top - box.top - box.height / 3;
      }
    }
    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(update);
    }
    window.addEventListener('scroll', schedule, {passive: true});
    window.addEventListener('resize', schedule);
    window.addEventListener('hashchange', schedule);
    update();
  }


  // ------------------------------------------------------------------ linking and citing a rule

  var live = null;

  /** Says `message` to screen readers, and shows it beside `near` for a moment. */
  function announce(message, near) {
    if (!live) {
      live = document.createElement('p');
      live.className = 'visually-hidden';
      live.setAttribute('role', 'status');
      document.body.appendChild(live);
    }
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 50);
    if (near) {
      near.dataset.done = message;
      window.setTimeout(function () { delete near.dataset.done; }, 2000);
    }
  }

  /** Puts `text` on the clipboard: the Clipboard API, or a selected text area where it is refused. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  function copyBySelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  /** The rule a heading opens: a chapter's rule heading has it as its id, a rule's page in data-rule. */
  function ruleOf(heading) {
    return heading.dataset.rule || heading.id;
  }

  /** The address of a rule's own page, whole: the published one when the site knows it. */
  function permalink(heading) {
    var base = document.body.dataset.baseUrl;
    if (base) return new URL('rules/' + encodeURIComponent(ruleOf(heading)) + '.html', base).href;
    var link = heading.querySelector('a.rule-id');
    return link ? new URL(link.getAttribute('href'), window.location.href).href : window.location.href.split('#')[0];
  }

  /** "Handbook title, edition 1.0, CONF-2: title, address". */
  function citation(heading) {
    var body = document.body.dataset;
    var title = heading.querySelector('.rule-title');
    var parts = [body.handbook];
    if (body.edition) parts.push('edition ' + body.edition);
    parts.push(ruleOf(heading) + ': ' + (title ? title.textContent.trim() : ''));
    parts.push(permalink(heading));
    return parts.join(', ');
  }

  /** After each rule's heading: a mark that links to the rule here, and buttons to copy its address and a citation. */
  function addRuleActions(heading) {
    var actions = document.createElement('span');
    actions.className = 'rule-actions';
    var rule = ruleOf(heading);
    if (heading.id) {
      var anchor = document.createElement('a');
      anchor.className = 'rule-anchor';
      anchor.href = '#' + encodeURIComponent(heading.id);
      anchor.textContent = '#';
      anchor.setAttribute('aria-label', 'Link to ' + rule + ' on this page');
      actions.appendChild(anchor);
    }
    [['link', 'Copy link', function () { return permalink(heading); }, 'Link copied'],
     ['citation', 'Copy citation', function () { return citation(heading); }, 'Citation copied']].forEach(function (kind) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'rule-copy';
      button.dataset.copy = kind[0];
      button.textContent = kind[1];
      button.setAttribute('aria-label', kind[1] + ' of ' + rule);
      button.addEventListener('click', function () {
        copy(kind[2]()).then(function () { announce(kind[3] + ': ' + rule, button); },
                             function () { announce('Could not copy; select the text instead', button); });
      });
      actions.appendChild(button);
    });
    heading.appendChild(actions);
  }

  // ------------------------------------------------------------------ previews of references

  var previews = null;

  /** rule-previews.js, loaded once, when a reader first points at a reference. */
  function loadPreviews() {
    if (previews) return previews;
    var script = document.querySelector('script[src$="assets/reading.js"]');
    var root = new URL('..', script ? script.src : document.baseURI);
    previews = new Promise(function (resolve, reject) {
      if (window.handbookRulePreviews) return resolve(window.handbookRulePreviews);
      var tag = document.createElement('script');
      tag.src = new URL('rule-previews.js', root).href;
      tag.onload = function () { resolve(window.handbookRulePreviews || {}); };
      tag.onerror = function () { previews = null; reject(new Error('no previews')); };
      document.head.appendChild(tag);
    });
    return previews;
  }

  /** A reference's rule: the fragment of a link into a chapter, or a rule page's name. */
  function referencedRule(link) {
    var href = link.getAttribute('href') || '';
    var hash = href.indexOf('#');
    if (hash >= 0) return decodeURIComponent(href.slice(hash + 1));
    var page = href.match(/([^\/]+)\.html$/);
    return page ? decodeURIComponent(page[1]) : null;
  }

  function setUpPreviews() {
    var links = document.querySelectorAll('a.rule-ref');
    if (!links.length) return;
    var tip = document.createElement('div');
    tip.className = 'rule-preview';
    tip.id = 'hb-rule-preview';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    document.body.appendChild(tip);
    var shownFor = null;
    var hiding = 0;
    // A moment's grace, so that the pointer can move from the reference onto the preview.
    function hideSoon() {
      window.clearTimeout(hiding);
      hiding = window.setTimeout(function () { if (!tip.matches(':hover')) hide(); }, 300);
    }
    function hide() {
      window.clearTimeout(hiding);
      if (!shownFor) return;
      shownFor.removeAttribute('aria-describedby');
      tip.hidden = true;
      shownFor = null;
    }
    function show(link) {
      window.clearTimeout(hiding);
      var id = referencedRule(link);
      if (!id) return;
      loadPreviews().then(function (all) {
        var preview = all[id];
        if (!preview || (document.activeElement !== link && !link.matches(':hover'))) return;
        while (tip.firstChild) tip.removeChild(tip.firstChild);
        var title = document.createElement('strong');
        title.textContent = id + ' ' + preview[0];
        tip.appendChild(title);
        if (preview[1]) {
          var text = document.createElement('span');
          text.textContent = preview[1];
          tip.appendChild(text);
        }
        if (shownFor && shownFor !== link) shownFor.removeAttribute('aria-describedby');
        shownFor = link;
        link.setAttribute('aria-describedby', tip.id);
        tip.hidden = false;
        var box = link.getBoundingClientRect();
        var width = Math.min(352, document.documentElement.clientWidth - 16);
        tip.style.width = width + 'px';
        var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
        var below = box.bottom + 6;
        var height = tip.getBoundingClientRect().height;
        var top = below + height > window.innerHeight && box.top - height - 6 > 0 ? box.top - height - 6 : below;
        tip.style.left = (left + window.scrollX) + 'px';
        tip.style.top = (top + window.scrollY) + 'px';
      }, function () {});
    }
    Array.prototype.forEach.call(links, function (link) {
      // The preview says more than the browser's own tooltip, which would cover it.
      if (link.title) {
        link.dataset.title = link.title;
        link.removeAttribute('title');
      }
      link.addEventListener('mouseenter', function () { show(link); });
      link.addEventListener('focus', function () { show(link); });
      link.addEventListener('mouseleave', hideSoon);
      link.addEventListener('blur', hide);
    });
    tip.addEventListener('mouseenter', function () { window.clearTimeout(hiding); });
    tip.addEventListener('mouseleave', hideSoon);
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hide(); });
  }

  function start() {
    var outline = document.querySelector('.on-this-page');
    if (outline) trackOutline(outline);
    Array.prototype.forEach.call(document.querySelectorAll('main .rule-heading[id], main h1[data-rule]'), addRuleActions);
    setUpPreviews();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
