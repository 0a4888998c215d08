/*
 * Handbook search: the search box in every page's header, the search page, and highlighting
 * of the searched words on the page a reader lands on.
 *
 * The index (search-index.js, a classic script that sets window.handbookSearchIndex) is loaded
 * only when it is needed: when a search box gets focus, or on the search page. Nothing is
 * fetched, so it works from the disk as well as from a server, and nothing is evaluated, so it
 * works under `Content-Security-Policy: default-src 'self'`. Results are built with DOM methods
 * and textContent only: no HTML from the index is ever parsed.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var root = new URL('..', script ? script.src : document.baseURI);

  // ------------------------------------------------------------------ the index

  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGITS = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGITS[ALPHABET.charCodeAt(a)] = a;

  /** Numbers from the index's base-32 code: upper-half letters continue a number. */
  function decode(text) {
    var numbers = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + (digit - 32);
      } else {
        numbers.push(value * 32 + digit);
        value = 0;
      }
    }
    return numbers;
  }

  var IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*-[0-9]+(\.[0-9]+)*$/;
  var QUERY_TOKEN = /[A-Za-z][A-Za-z0-9]*-[0-9]+(?:\.[0-9]+)*|[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*/gu;
  // A handbook's own identifiers (rule_id_pattern: SL.con.1, MASVS-STORAGE-1) are letters and
  // digits joined by '.', '-' or '_'. The build splits words at those, so a term of the index
  // with that shape is an identifier, and a query keeps it whole when the index has it.
  var ID_SHAPE = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+$/;
  var ID_CANDIDATE = /(?<![\p{L}\p{N}\p{M}])[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+/gu;

  /**
   * Words that carry no meaning of their own in a question (English, the language of the default
   * templates): they match only as written, never by their beginning or by a near spelling, and
   * need not match for a section to count as matching the question.
   */
  var FUNCTION_WORDS = new Set(('a about above after again all am an and any are as at be been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in ' +
    'into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their theirs them then there these they this those through to too under until up very was ' +
    'we were what when where which while who whom why will with would you your yours yourself').split(' '));
  var FUNCTION_WORDS_APPLY = /^en\b/i.test(document.documentElement.lang || 'en');

  function isFunctionWord(term) {
    return FUNCTION_WORDS_APPLY && FUNCTION_WORDS.has(term);
  }

  /**
   * The stems an English word form may have (trolled: troll; tagged: tagg, tag; replies: reply),
   * longest ending first, each of four letters or more before a doubled letter is undone: what
   * the build's stemmer would find, for words the handbook does not use.
   */
  var SUFFIXES = ['ingly', 'edly', 'ments', 'ment', 'ings', 'ing', 'ers', 'ied', 'ies', 'er', 'ed', 'es', 'ly', 's'];
  var ENDINGS = new Set(SUFFIXES.concat(['', 'e', 'y']));

  /** Whether `term` is `stem` with one of the endings (troll: trolls, trolling; not trolley). */
  function inflects(term, stem) {
    if (term.lastIndexOf(stem, 0) !== 0) return false;
    var rest = term.slice(stem.length);
    // tag: tagged, tagging
    return ENDINGS.has(rest) || (rest.length > 1 && rest[0] === stem[stem.length - 1] && ENDINGS.has(rest.slice(1)));
  }
  function suffixStems(term) {
    var stems = [];
    if (!FUNCTION_WORDS_APPLY) return stems;
    SUFFIXES.forEach(function (suffix) {
      if (term.length - suffix.length < 4 || term.slice(-suffix.length) !== suffix) return;
      var stem = term.slice(0, -suffix.length) + (suffix === 'ied' || suffix === 'ies' ? 'y' : '');
      stems.push(stem);
      if (/([bdfgklmnprt])\1$/.test(stem)) stems.push(stem.slice(0, -1));
    });
    return stems;
  }

  /** The form words are matched in, as the build folds them: lower case, no diacritics. */
  function fold(word) {
    return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\u2019/g, "'");
  }

  var K1 = 1.2;
  var B = 0.75;
  var FIELDS = 4; // id, title, headings, body

  /**
   * Turns the raw index into what queries need: the terms with their stem groups, and for each
   * group its postings (section, and the term frequency in each field). Sections are indexed in
   * slices, yielding to the browser between them, so a very large handbook never freezes the page.
   */
  function prepare(raw) {
    var words = raw.words;
    var wordGroup = decode(raw.stems).map(function (g) { return g - 1; });
    var groupCount = 0;
    for (var w = 0; w < wordGroup.length; w++) groupCount = Math.max(groupCount, wordGroup[w] + 1);

    var termGroups = new Map(); // folded term -> Set of groups
    function addTerm(term, group) {
      var groups = termGroups.get(term);
      if (!groups) termGroups.set(term, groups = new Set());
      groups.add(group);
    }
    // Identifiers are whole terms and, as parts, their prefix and number (conf, 2.1).
    var wordParts = [];
    var partGroups = new Map();
    function partGroup(term) {
      var existing = termGroups.get(term);
      if (existing) return existing.values().next().value;
      if (!partGroups.has(term)) {
        partGroups.set(term, groupCount++);
        addTerm(term, partGroups.get(term));
      }
      return partGroups.get(term);
    }
    var wordNumber = new Map();
    for (w = 0; w < words.length; w++) {
      wordNumber.set(words[w], w);
      if (wordGroup[w] < 0) continue;
      addTerm(fold(words[w]), wordGroup[w]);
    }
    var identifierTerms = new Set();
    for (w = 0; w < words.length; w++) {
      if (wordGroup[w] >= 0 && ID_SHAPE.test(words[w])) identifierTerms.add(fold(words[w]));
      if (wordGroup[w] >= 0 && IDENTIFIER.test(words[w])) {
        var id = fold(words[w]);
        var dash = id.indexOf('-');
        wordParts[w] = [partGroup(id.slice(0, dash)), partGroup(id.slice(dash + 1))];
      }
    }

    // Titles and bodies are decoded as the sections are indexed, slice by slice.
    var sections = raw.sections.map(function (row) {
      return {page: row[0], anchor: row[1], parent: row[2], title: null, body: null, row: row, rule: row[5] || null};
    });
    function decoded(i) {
      var section = sections[i];
      if (section.row) {
        section.title = decode(section.row[3]);
        section.body = decode(section.row[4]);
        section.row = null;
      }
      return section;
    }
    var pageTop = [];
    sections.forEach(function (section, index) {
      if (section.anchor === '' && pageTop[section.page] === undefined) pageTop[section.page] = index;
    });

    var index = {
      raw: raw, words: words, wordGroup: wordGroup, wordParts: wordParts, termGroups: termGroups,
      terms: Array.from(termGroups.keys()), sections: sections, pages: raw.pages, pageTop: pageTop,
      weights: raw.weights, postings: new Map(), lengths: new Float64Array(sections.length * FIELDS),
      averages: [0, 0, 0, 0], ruleSection: new Map(), groupCount: groupCount, identifierTerms: identifierTerms
    };
    sections.forEach(function (section, i) { if (section.rule) index.ruleSection.set(section.rule.toUpperCase(), i); });

    function fieldsOf(section, i) {
      var headings = [];
      for (var p = section.parent; p >= 0; p = sections[p].parent) headings = headings.concat(decoded(p).title);
      var top = pageTop[section.page];
      if (top !== undefined && top !== i) headings = headings.concat(decoded(top).title);
      var id = section.rule && wordNumber.has(section.rule) ? [wordNumber.get(section.rule)] : [];
      return [id, section.title, headings, section.body];
    }

    function indexSection(i) {
      var fields = fieldsOf(decoded(i), i);
      var counts = new Map();
      for (var f = 0; f < FIELDS; f++) {
        var length = 0;
        fields[f].forEach(function (word) {
          var group = wordGroup[word];
          if (group < 0) return;
          length++;
          var groups = wordParts[word] ? [group].concat(wordParts[word]) : [group];
          groups.forEach(function (g) {
            var tf = counts.get(g);
            if (!tf) counts.set(g, tf = [0, 0, 0, 0]);
            tf[f]++;
          });
        });
        index.lengths[i * FIELDS + f] = length;
        index.averages[f] += length;
      }
      counts.forEach(function (tf, g) {
        var list = index.postings.get(g);
        if (!list) index.postings.set(g, list = []);
        list.push(i, tf[0], tf[1], tf[2], tf[3]);
      });
    }

    return new Promise(function (resolve) {
      var next = 0;
      (function slice() {
        var started = performance.now();
        while (next < sections.length && performance.now() - started < 25) indexSection(next++);
        if (next < sections.length) return setTimeout(slice, 0);
        for (var f = 0; f < FIELDS; f++) index.averages[f] = Math.max(1, index.averages[f] / Math.max(1, sections.length));
        resolve(index);
      })();
    });
  }

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = new URL(name, root).href;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error('The search index could not be loaded.')); };
      document.head.appendChild(tag);
    });
  }

  /** Loads search-index.js, then its sections part by part: each script is small to parse. */
  var loading = null;
  function loadIndex() {
    if (!loading) {
      window.handbookSearchIndexParts = window.handbookSearchIndexParts || [];
      loading = (window.handbookSearchIndex ? Promise.resolve() : loadScript('search-index.js')).then(function () {
        var raw = window.handbookSearchIndex;
        var chain = Promise.resolve();
        for (var part = 0; part < (raw.sectionParts || 0); part++) {
          (function (number) {
            chain = chain.then(function () {
              return window.handbookSearchIndexParts[number] ? null : loadScript('search-index-' + (number + 1) + '.js');
            });
          })(part);
        }
        return chain.then(function () {
          if (raw.sectionParts) raw.sections = [].concat.apply([], window.handbookSearchIndexParts.slice(0, raw.sectionParts));
          return raw;
        });
      }).then(prepare);
    }
    return loading;
  }

  // ------------------------------------------------------------------ matching

  /** Edit distance (with transpositions), or limit + 1 once it must exceed limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function sectionCount(index, groups) {
    var seen = new Set();
    groups.forEach(function (weight, g) {
      var list = index.postings.get(g) || [];
      for (var p = 0; p < list.length; p += 5) seen.add(list[p]);
    });
    return seen.size;
  }

  /** A query's words: the handbook's own identifiers whole, the rest as QUERY_TOKEN splits it. */
  function queryTokens(index, text) {
    var tokens = [];
    var last = 0;
    var pattern = new RegExp(ID_CANDIDATE.source, 'gu');
    var match;
    while ((match = pattern.exec(text))) {
      if (!index.identifierTerms.has(fold(match[0])) || IDENTIFIER.test(match[0])) continue;
      tokens = tokens.concat(text.slice(last, match.index).match(QUERY_TOKEN) || [], [match[0]]);
      last = match.index + match[0].length;
    }
    return tokens.concat(text.slice(last).match(QUERY_TOKEN) || []);
  }

  /**
   * The stem groups a query word stands for, each with a weight: its own group, then (for the
   * word being typed) groups of words it begins; for a word the handbook does not use, the words
   * that share its stem or, failing that, its longest known beginning (trolled: trolling), and only when that finds
   * nothing, words one or two edits away. Identifiers, numbers, words of three letters or fewer
   * and function words are matched only as written.
   */
  function expand(index, word, typing) {
    var term = fold(word);
    var groups = new Map();
    var exact = index.termGroups.get(term);
    if (exact) exact.forEach(function (g) { groups.set(g, 1); });
    var isIdentifier = IDENTIFIER.test(word) || index.identifierTerms.has(term);
    var isNumber = /^[0-9.]+$/.test(term);
    if (isIdentifier || term.length <= 3 || isFunctionWord(term)) return groups;
    // Words that begin with what is typed; the more sections a completion is in, the more it
    // is likely to be the word meant, as in an autocomplete.
    function addPrefixed(prefix, weight) {
      var found = new Map();
      index.terms.forEach(function (t) {
        if (t.length > prefix.length && t.lastIndexOf(prefix, 0) === 0) {
          index.termGroups.get(t).forEach(function (g) {
            if (!groups.has(g)) found.set(g, (index.postings.get(g) || []).length / 5);
          });
        }
      });
      var most = 1;
      found.forEach(function (df) { most = Math.max(most, df); });
      found.forEach(function (df, g) { groups.set(g, weight * (0.6 + 0.4 * df / most)); });
    }
    if (typing || !exact) addPrefixed(term, 0.8);
    if (isNumber || sectionCount(index, groups) >= 3) return groups;
    // A form the handbook does not use (trolled, consented): its stem, then the words that share
    // most of its beginning, stand in for the stemmer the browser does not have, before any near
    // spelling (trolley, connected); a shorter shared beginning only when nothing else is near.
    function beginnings(shortest) {
      for (var cut = term.length - 1; cut >= shortest && !groups.size; cut--) {
        var stem = term.slice(0, cut);
        if (index.termGroups.has(stem)) index.termGroups.get(stem).forEach(function (g) { groups.set(g, 0.6); });
        addPrefixed(stem, 0.6);
      }
    }
    if (!exact && !groups.size && term.length >= 5) {
      suffixStems(term).forEach(function (stem) {
        if (groups.size) return;
        index.terms.forEach(function (t) {
          if (inflects(t, stem)) index.termGroups.get(t).forEach(function (g) { groups.set(g, 0.7); });
        });
      });
      beginnings(Math.max(4, Math.ceil(term.length * 0.75)));
      if (groups.size) return groups;
    }
    var limit = term.length >= 8 ? 2 : 1;
    index.terms.forEach(function (t) {
      if (t === term || Math.abs(t.length - term.length) > limit) return;
      var d = distance(term, t, limit);
      if (d <= limit) {
        index.termGroups.get(t).forEach(function (g) { if (!groups.has(g)) groups.set(g, d === 1 ? 0.6 : 0.4); });
      }
    });
    if (!groups.size && term.length >= 5) beginnings(Math.max(4, Math.ceil(term.length * 0.6)));
    return groups;
  }

  /**
   * Ranks sections for a query with BM25F: per query word, the best of its groups; sections
   * that match every word come first, then those that match some, scaled by the share matched.
   */
  function search(index, query) {
    var text = query.trim();
    if (!text) return {rule: null, pages: [], words: []};
    var typing = !/\s$/.test(query);
    var tokens = queryTokens(index, text);
    var total = index.sections.length;
    var expanded = tokens.map(function (token, position) {
      var groups = expand(index, token, typing && position === tokens.length - 1);
      var df = sectionCount(index, groups);
      return {text: token, groups: groups, df: df};
    });
    var queryWords = expanded.filter(function (w) { return w.groups.size > 0; });
    // A meaningful word the handbook has nowhere (pension) means no section matches every word.
    var unmatched = expanded.filter(function (w) {
      var term = fold(w.text);
      return !w.groups.size && term.length >= 4 && !isFunctionWord(term);
    }).length;
    // Function words and words in more than half the sections (the, you) do not have to match
    // for a section to count as matching all.
    queryWords.forEach(function (w) { w.meaningful = w.df <= total / 2 && !isFunctionWord(fold(w.text)); });
    var required = queryWords.filter(function (w) { return w.meaningful; }).length || queryWords.length;

    var scores = new Map();
    queryWords.forEach(function (word, wi) {
      var best = new Map();
      word.groups.forEach(function (weight, g) {
        var list = index.postings.get(g);
        if (!list) return;
        var df = list.length / 5;
        var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
        for (var p = 0; p < list.length; p += 5) {
          var s = list[p];
          var tf = 0;
          for (var f = 0; f < FIELDS; f++) {
            var length = index.lengths[s * FIELDS + f];
            tf += index.weights[f] * list[p + 1 + f] / (1 - B + B * length / index.averages[f]);
          }
          var score = weight * idf * tf / (K1 + tf);
          if (!best.has(s) || best.get(s).score < score) best.set(s, {score: score, group: g});
        }
      });
      best.forEach(function (hit, s) {
        var entry = scores.get(s);
        if (!entry) scores.set(s, entry = {section: s, score: 0, matched: 0, requiredMatched: 0, groups: new Set()});
        entry.score += hit.score;
        entry.matched++;
        if (word.meaningful || required === queryWords.length) entry.requiredMatched++;
        word.groups.forEach(function (weight, g) { entry.groups.add(g); });
      });
    });

    var ranked = Array.from(scores.values()).map(function (entry) {
      entry.all = unmatched === 0 && entry.requiredMatched >= required;
      entry.final = entry.score * Math.pow(entry.matched / Math.max(1, queryWords.length), 2);
      return entry;
    });
    // A tip or a passage that cites a rule, found for words the rule matches as well, leads to
    // the rule: it ranks just below the best of those rules, however much shorter it is, and
    // every other result keeps its place.
    ranked.forEach(function (entry) {
      if (index.sections[entry.section].rule) return;
      var below = entry.final;
      citedRules(index, entry.section).forEach(function (r) {
        var rule = scores.get(r);
        if (rule && rule.all === entry.all && rule.matched >= entry.matched) below = Math.min(below, rule.final * 0.999);
      });
      entry.final = below;
    });
    ranked.sort(function (x, y) {
      if (x.all !== y.all) return x.all ? -1 : 1;
      return y.final - x.final || x.section - y.section;
    });

    var rule = null;
    if (IDENTIFIER.test(text) || index.identifierTerms.has(fold(text))) {
      var id = text.toUpperCase();
      if (index.ruleSection.has(id)) rule = index.ruleSection.get(id);
    }

    // Grouped by page; a page shows the sections that score at least half as well as its best.
    var byPage = new Map();
    ranked.forEach(function (entry) {
      var page = index.sections[entry.section].page;
      if (!byPage.has(page)) byPage.set(page, {page: page, score: entry.final, all: entry.all, hits: []});
      var group = byPage.get(page);
      if (entry.all === group.all && entry.final >= group.score / 2) group.hits.push(entry);
    });
    var pages = Array.from(byPage.values());
    return {rule: rule, pages: pages, words: tokens, matchedGroups: queryWords};
  }

  // ------------------------------------------------------------------ showing results

  /** The words of a section that matched, as the page should highlight them on arrival. */
  function matchedWords(index, s, matches) {
    var section = index.sections[s];
    var found = [];
    section.title.concat(section.body).forEach(function (n) {
      if (found.length < 12 && matches(n)) {
        var term = fold(index.words[n]);
        if (found.indexOf(term) < 0) found.push(term);
      }
    });
    return found;
  }

  function sectionURL(index, s, matches) {
    var section = index.sections[s];
    var words = matchedWords(index, s, matches);
    var highlight = words.length ? '?hl=' + encodeURIComponent(words.join(' ')) : '';
    return new URL(index.pages[section.page].url + highlight + (section.anchor ? '#' + section.anchor : ''), root).href;
  }

  function matcher(index, groups) {
    return function (n) {
      var g = index.wordGroup[n];
      if (g < 0) return false;
      if (groups.has(g)) return true;
      var parts = index.wordParts[n];
      return !!parts && (groups.has(parts[0]) || groups.has(parts[1]));
    };
  }

  function wordsText(index, numbers) {
    var text = '';
    var previousWord = false;
    numbers.forEach(function (n) {
      var isWord = index.wordGroup[n] >= 0;
      if (isWord && previousWord) text += ' ';
      text += index.words[n];
      previousWord = isWord;
    });
    return text;
  }

  function sectionTitle(index, s) {
    var section = index.sections[s];
    return wordsText(index, section.title);
  }

  /** A snippet around the best match, with matched words in <mark>, built from text nodes. */
  function snippet(index, s, matches) {
    var body = index.sections[s].body;
    var first = body.findIndex(matches);
    var start = Math.max(0, (first < 0 ? 0 : first) - 12);
    var end = Math.min(body.length, start + 40);
    var element = document.createElement('p');
    element.className = 'search-snippet';
    if (start > 0) element.appendChild(document.createTextNode('… '));
    var previousWord = false;
    for (var i = start; i < end; i++) {
      var n = body[i];
      var isWord = index.wordGroup[n] >= 0;
      if (isWord && previousWord) element.appendChild(document.createTextNode(' '));
      if (isWord && matches(n)) {
        var mark = document.createElement('mark');
        mark.textContent = index.words[n];
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(index.words[n]));
      }
      previousWord = isWord;
    }
    if (end < body.length) element.appendChild(document.createTextNode(' …'));
    return element;
  }

  /** The sections of the rules a section's text names (a tip's "(PRIV-2.1, PRIV-2.2)"), found once. */
  function citedRules(index, s) {
    var section = index.sections[s];
    if (!section.cites) {
      section.cites = [];
      section.body.forEach(function (n) {
        var r = index.ruleSection.get(index.words[n].toUpperCase());
        if (r !== undefined && r !== s && section.cites.indexOf(r) < 0) section.cites.push(r);
      });
    }
    return section.cites;
  }

  /** The section of the rule a section is part of (itself, or the rule above its heading), or -1. */
  function ruleOf(index, s) {
    for (var p = s; p >= 0; p = index.sections[p].parent) {
      if (index.sections[p].rule) return p;
    }
    return -1;
  }

  function ruleBadge(id) {
    var badge = document.createElement('span');
    badge.className = 'rule-id';
    badge.textContent = id;
    return badge;
  }

  /** Fills a results list: the rule named by the query first, then pages with their sections. */
  /**
   * Lists `result` in `list`: the rule a query names, then up to `limit` pages, each with its
   * best sections. With `fold`, pages that match only some of the meaningful words follow in a
   * closed <details>, when some page matches them all. Returns the sections listed, and how many
   * pages match every word and some.
   */
  function render(index, result, list, limit, fold) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var groups = new Set();
    result.matchedGroups.forEach(function (w) { w.groups.forEach(function (weight, g) { groups.add(g); }); });
    var matches = matcher(index, groups);
    var count = 0;
    if (result.rule !== null) {
      var section = index.sections[result.rule];
      var item = document.createElement('li');
      item.className = 'search-result search-result-rule';
      var link = document.createElement('a');
      link.href = new URL('rules/' + section.rule + '.html', root).href;
      link.dataset.result = 'rule';
      link.appendChild(ruleBadge(section.rule));
      link.appendChild(document.createTextNode(' ' + sectionTitle(index, result.rule)));
      item.appendChild(link);
      item.appendChild(snippet(index, result.rule, matches));
      list.appendChild(item);
      count++;
    }
    var full = result.pages.filter(function (page) { return page.all; });
    var partial = result.pages.filter(function (page) { return !page.all; });
    var folded = fold && full.length > 0 && partial.length > 0;
    var shown = folded ? full.slice(0, limit) : result.pages.slice(0, limit);
    var target = list;
    function listPage(page) {
      // The rule named by the query is shown once, first; the other hits are grouped by rule,
      // so that a rule's "Reason", "Note" and "Example" do not crowd out the rest of the page:
      // each rule once, at its best-scoring section.
      var seen = new Set();
      var hits = page.hits.filter(function (hit) {
        var owner = ruleOf(index, hit.section);
        if (result.rule !== null && owner === result.rule) return false;
        var key = owner >= 0 ? owner : 'section:' + hit.section;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (!hits.length) return;
      var item = document.createElement('li');
      item.className = 'search-result';
      var heading = document.createElement('p');
      heading.className = 'search-result-page';
      heading.textContent = index.pages[page.page].title;
      item.appendChild(heading);
      var sub = document.createElement('ol');
      sub.className = 'search-subresults';
      hits.slice(0, 3).forEach(function (hit) {
        var entry = document.createElement('li');
        var link = document.createElement('a');
        link.href = sectionURL(index, hit.section, matches);
        link.dataset.result = 'section';
        var section = index.sections[hit.section];
        var owner = ruleOf(index, hit.section);
        if (section.rule) {
          link.appendChild(ruleBadge(section.rule));
          link.appendChild(document.createTextNode(' '));
        } else if (owner >= 0) {
          // A heading inside a rule names the rule: "F.21 › Note".
          link.appendChild(ruleBadge(index.sections[owner].rule));
          link.appendChild(document.createTextNode(' › '));
        }
        link.appendChild(document.createTextNode(sectionTitle(index, hit.section)));
        entry.appendChild(link);
        entry.appendChild(snippet(index, hit.section, matches));
        sub.appendChild(entry);
        count++;
      });
      item.appendChild(sub);
      target.appendChild(item);
    }
    shown.forEach(listPage);
    if (folded) {
      var more = document.createElement('li');
      more.className = 'search-partial';
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = partial.length === 1 ? '1 more page matches some of the words' :
        partial.length + ' more pages match some of the words';
      details.appendChild(summary);
      target = document.createElement('ol');
      target.className = 'search-results';
      partial.slice(0, limit).forEach(listPage);
      details.appendChild(target);
      more.appendChild(details);
      list.appendChild(more);
    }
    return {sections: count, full: full.length + (result.rule !== null && !full.length ? 1 : 0), partial: partial.length};
  }

  /** Says how many results there are; with `pages`, how many pages match every word and how many some. */
  function announce(status, count, query, pages) {
    var quoted = '“' + query.trim() + '”';
    if (!query.trim()) { status.textContent = ''; return; }
    if (pages && pages.full && pages.partial) {
      status.textContent = (pages.full === 1 ? '1 page matches ' : pages.full + ' pages match ') + 'every word of ' + quoted +
        '; ' + pages.partial + ' more ' + (pages.partial === 1 ? 'matches' : 'match') + ' some.';
      return;
    }
    if (pages && !pages.full && pages.partial) {
      status.textContent = 'No page matches every word of ' + quoted + '; ' +
        (pages.partial === 1 ? '1 page matches' : pages.partial + ' pages match') + ' some.';
      return;
    }
    status.textContent = count === 0 ? 'No results for ' + quoted + '.' :
      count === 1 ? '1 result for ' + quoted + '.' : count + ' results for ' + quoted + '.';
  }

  // ------------------------------------------------------------------ the header box

  function setUpBox(form) {
    var input = form.querySelector('input[name="q"]');
    var panel = form.querySelector('.search-suggestions');
    var status = form.querySelector('[role="status"]');
    if (!input || !panel || !status) return;
    var active = -1;
    var options = [];

    function close() {
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(position) {
      options.forEach(function (option, i) { option.setAttribute('aria-selected', i === position ? 'true' : 'false'); });
      active = position;
      if (position >= 0) {
        input.setAttribute('aria-activedescendant', options[position].id);
        options[position].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function add(option) {
      option.addEventListener('mousedown', function (event) { event.preventDefault(); });
      option.addEventListener('click', function () { window.location.href = option.dataset.url; });
      panel.appendChild(option);
      options.push(option);
    }

    function update() {
      var query = input.value;
      loadIndex().then(function (index) {
        if (input.value !== query) return;
        if (!query.trim()) { close(); announce(status, 0, ''); return; }
        var result = search(index, query);
        var list = document.createElement('ol');
        render(index, result, list, 5);
        while (panel.firstChild) panel.removeChild(panel.firstChild);
        options = [];
        Array.prototype.forEach.call(list.querySelectorAll('a'), function (link, i) {
          var option = document.createElement('li');
          option.id = input.id + '-option-' + i;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          option.dataset.url = link.href;
          option.textContent = link.textContent;
          var page = link.closest('.search-result').querySelector('.search-result-page');
          if (page) {
            var where = document.createElement('span');
            where.className = 'search-option-page';
            where.textContent = page.textContent;
            option.appendChild(where);
          }
          var words = link.nextElementSibling;
          if (words && words.classList.contains('search-snippet') && words.textContent.trim()) {
            var snippetText = document.createElement('span');
            snippetText.className = 'search-option-snippet';
            snippetText.textContent = words.textContent;
            option.appendChild(snippetText);
          }
          add(option);
        });
        var found = options.length;
        if (found) {
          // The whole list of results, as the search page shows it.
          var all = document.createElement('li');
          all.id = input.id + '-option-all';
          all.className = 'search-option-all';
          all.setAttribute('role', 'option');
          all.setAttribute('aria-selected', 'false');
          all.dataset.url = new URL('search.html?q=' + encodeURIComponent(query.trim()), root).href;
          all.textContent = 'See all results for “' + query.trim() + '”';
          add(all);
        }
        announce(status, found, query);
        panel.hidden = options.length === 0;
        input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
        active = -1;
      });
    }

    input.addEventListener('focus', function () { loadIndex(); });
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (panel.hidden) return;
        event.preventDefault();
        var next = active + (event.key === 'ArrowDown' ? 1 : -1);
        if (next < -1) next = options.length - 1;
        if (next >= options.length) next = -1;
        choose(next);
      } else if (event.key === 'Enter' && active >= 0 && !panel.hidden) {
        event.preventDefault();
        window.location.href = options[active].dataset.url;
      } else if (event.key === 'Escape') {
        if (!panel.hidden) {
          event.preventDefault();
          close();
        } else {
          input.value = '';
        }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  // ------------------------------------------------------------------ the search page

  function setUpPage(container) {
    var list = container.querySelector('#search-results');
    var status = container.querySelector('#search-status');
    var input = container.querySelector('input[name="q"]');
    var query = new URLSearchParams(window.location.search).get('q') || '';
    if (input) input.value = query;
    list.dataset.state = 'loading';
    if (!query.trim()) {
      status.textContent = 'Type words, a question or a rule identifier.';
      list.dataset.state = 'done';
      return;
    }
    status.textContent = 'Searching…';
    loadIndex().then(function (index) {
      var listed = render(index, search(index, query), list, 20, true);
      list.dataset.full = String(listed.full);
      announce(status, listed.sections, query, listed);
      list.dataset.state = 'done';
    }, function (error) {
      status.textContent = error.message;
      list.dataset.state = 'error';
    });
  }

  // ------------------------------------------------------------------ the page for a missing address

  /**
   * Searches for the words of the address that has no page ("/chapters/social-media.html" gives
   * "social media"; an identifier such as CONF-2 stays whole), so that a mistyped or outdated
   * link still leads somewhere.
   */
  function setUpMissing(container) {
    var input = container.querySelector('input[name="q"]');
    var list = container.querySelector('#not-found-results');
    var segment = window.location.pathname.split('/').filter(Boolean).pop() || '';
    try { segment = decodeURIComponent(segment); } catch (error) { return; }
    var words = segment.replace(/\.[a-z]+$/i, '').replace(/(\p{L})[-_]+(?=\p{L})/gu, '$1 ').trim();
    if (!input || !list || !words || words === '404') return;
    input.value = words;
    loadIndex().then(function (index) {
      var listed = render(index, search(index, words), list, 5);
      if (listed.sections) list.previousElementSibling.hidden = false;
    }, function () {});
  }

  // ------------------------------------------------------------------ highlighting on landing

  /** The words of a page's text, each as a match: the identifiers of `idTerms` whole. */
  function landingTokens(text, idTerms) {
    var found = [];
    function words(from, to) {
      var pattern = new RegExp(QUERY_TOKEN.source, 'gu');
      var piece = text.slice(from, to);
      var match;
      while ((match = pattern.exec(piece))) {
        match.index += from;
        found.push(match);
      }
    }
    var last = 0;
    if (idTerms.length) {
      var ids = new RegExp(ID_CANDIDATE.source, 'gu');
      var id;
      while ((id = ids.exec(text))) {
        if (idTerms.indexOf(fold(id[0])) < 0) continue;
        words(last, id.index);
        found.push(id);
        last = id.index + id[0].length;
      }
    }
    words(last, text.length);
    return found;
  }

  /** Marks the searched words in the page a reader arrived at from a result. */
  function highlight() {
    var words = new URLSearchParams(window.location.search).get('hl');
    var main = document.getElementById('hb-main');
    if (!words || !main) return;
    // A handbook's own identifiers (SL.con.1) come whole; QUERY_TOKEN would split them.
    var idTerms = (words.match(ID_CANDIDATE) || []).map(fold).filter(function (t) { return !IDENTIFIER.test(t); });
    var terms = (words.match(QUERY_TOKEN) || []).map(fold).filter(function (t) { return t.length >= 2; }).concat(idTerms);
    if (!terms.length) return;
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.parentNode.closest('script, mark, .search-box')) return;
      var text = node.nodeValue;
      var pieces = [];
      var last = 0;
      landingTokens(text, idTerms).forEach(function (match) {
        var term = fold(match[0]);
        var hit = terms.indexOf(term) >= 0;
        if (!hit) return;
        pieces.push(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = match[0];
        pieces.push(mark);
        last = match.index + match[0].length;
      });
      if (!pieces.length) return;
      pieces.push(document.createTextNode(text.slice(last)));
      var fragment = document.createDocumentFragment();
      pieces.forEach(function (piece) { fragment.appendChild(piece); });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  /** `/` anywhere but in a field moves to the page's search box, as on many documentation sites. */
  function focusOnSlash(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector('#hb-search-page, #hb-search');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  }

  function start() {
    document.addEventListener('keydown', focusOnSlash);
    Array.prototype.forEach.call(document.querySelectorAll('form.search-box'), setUpBox);
    var page = document.getElementById('search-page');
    if (page) setUpPage(page);
    var missing = document.getElementById('not-found');
    if (missing) setUpMissing(missing);
    highlight();
  }

  window.handbookSearch = {load: loadIndex, search: search};

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
