/* The site's search, run in the worker the theme starts for it (overrides/main.html points the theme here).
 *
 * The theme talks to its worker in four messages: SETUP (the index: {config, docs, options}) answered by
 * READY, and QUERY (what the reader typed) answered by RESULT ({items}: one list per page, the page first,
 * then its sections). The theme's own worker builds a full-text lunr index with word positions on every
 * page load, which takes seconds at 10,000 entries; this one builds, in one pass, a sorted list of the
 * words and, for each, the documents whose title or text holds it.
 *
 * Matching follows the theme's: each typed word matches the words it begins (so "jan" finds Janus), a
 * document needs only one of them, and the more of them it has the higher it ranks; words in the title
 * count ten times those in the text. Common English words are skipped. Titles and texts in the index are
 * HTML (escaped text, a few tags); results keep the escaped text, drop every tag, and wrap matches in
 * <mark>, so a result can never carry markup of its own.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var TITLE_WEIGHT = 10;
var SNIPPET_CHARACTERS = 280;
var SNIPPET_LEAD_WORDS = 8;
/* The theme shows ten pages of results at a time; the first FULL_PAGES pages have their matches marked and
 * their text cut around the first match, the rest (reached only by scrolling far) the start of their text,
 * so that a word found in every entry does not mean formatting every entry's text before the first result. */
var FULL_PAGES = 100;
var BRIEF_READ = 400;  // characters of a text read for its start: SNIPPET_CHARACTERS and room for tags and entities
var STOP_WORDS = new Set(("a an and are as at be but by for from has have in into is it its of on or than that the "
  + "their this to was were which with").split(" "));
var PIECE = /<[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]\w*);|[\p{L}\p{N}]+/giu;
var WORD = /[\p{L}\p{N}]+/gu;

var documents = [];  // {location, title, text, article: index of its page's document, or -1 for a page}
var vocabulary = [];  // every indexed word, sorted
var inTitle = new Map();  // word -> indexes of the documents whose title holds it
var inText = new Map();
var titleWords = [];  // per document, how many words its title has

function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function wordsOf(html) {
  var words = [];
  var pieces = html.match(PIECE) || [];
  for (var i = 0; i < pieces.length; i++) {
    var first = pieces[i].charAt(0);
    if (first !== "<" && first !== "&") words.push(fold(pieces[i]));
  }
  return words;
}

function post(map, words, index) {
  var seen = new Set(words);
  seen.forEach(function (word) {
    var list = map.get(word);
    if (list === undefined) map.set(word, [index]);
    else list.push(index);
  });
}

function setup(docs) {
  var pages = new Map();
  documents = [];
  inTitle = new Map();
  inText = new Map();
  titleWords = [];
  docs.forEach(function (doc, index) {
    var page = String(doc.location).split("#")[0];
    var article = pages.has(page) ? pages.get(page) : -1;
    if (article === -1) pages.set(page, index);
    var title = String(doc.title || ""), text = String(doc.text || "");
    documents.push({location: String(doc.location), title: title, text: text, article: article});
    var words = wordsOf(title);
    titleWords.push(Math.max(1, words.length));
    post(inTitle, words, index);
    post(inText, wordsOf(text), index);
  });
  var all = new Set(inTitle.keys());
  inText.forEach(function (_, word) { all.add(word); });
  vocabulary = Array.from(all).sort();
}

function termsOf(query) {
  var terms = [];
  (query.match(WORD) || []).forEach(function (word) {
    word = fold(word);
    if (!STOP_WORDS.has(word) && terms.indexOf(word) === -1) terms.push(word);
  });
  return terms;
}

function firstAtLeast(term) {
  var low = 0, high = vocabulary.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (vocabulary[middle] < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/* For one typed term: document index -> its best score for the term. */
function scoresFor(term) {
  var scores = new Map();
  var total = documents.length;
  function add(list, weight, title) {
    var rarity = Math.log(1 + total / list.length);
    for (var i = 0; i < list.length; i++) {
      var index = list[i];
      var score = weight * rarity * (title ? TITLE_WEIGHT / Math.sqrt(titleWords[index]) : 1);
      if (!(scores.get(index) >= score)) scores.set(index, score);
    }
  }
  for (var at = firstAtLeast(term); at < vocabulary.length && vocabulary[at].startsWith(term); at++) {
    var word = vocabulary[at];
    var weight = word === term ? 1 : 0.3 + 0.5 * term.length / word.length;
    if (inTitle.has(word)) add(inTitle.get(word), weight, true);
    if (inText.has(word)) add(inText.get(word), weight, false);
  }
  return scores;
}

function escapeStray(text) {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/* The escaped text of `html` as pieces: words (marked when they begin with a term), entities, the rest. */
function pieces(html, terms) {
  var out = [], last = 0, match;
  PIECE.lastIndex = 0;
  while ((match = PIECE.exec(html)) !== null) {
    if (match.index > last) out.push({text: escapeStray(html.slice(last, match.index))});
    var piece = match[0];
    if (piece.charAt(0) === "<") out.push({text: " "});
    else if (piece.charAt(0) === "&") out.push({text: piece});
    else {
      var folded = fold(piece);
      var marked = terms.some(function (term) { return folded.startsWith(term); });
      out.push({text: marked ? "<mark>" + piece + "</mark>" : piece, word: true, marked: marked});
    }
    last = PIECE.lastIndex;
  }
  if (last < html.length) out.push({text: escapeStray(html.slice(last))});
  return out;
}

function joined(list) {
  return list.map(function (piece) { return piece.text; }).join("").replace(/\s+/g, " ").trim();
}

function highlightTitle(html, terms) {
  return joined(pieces(html, terms));
}

/* The text around its first match, at most about SNIPPET_CHARACTERS long, with "…" where it was cut. */
function snippet(html, terms) {
  var list = pieces(html, terms);
  var first = list.findIndex(function (piece) { return piece.marked; });
  var start = 0;
  if (first > 0) {
    for (var words = 0, i = first - 1; i >= 0 && words < SNIPPET_LEAD_WORDS; i--) {
      if (list[i].word) words++;
      start = i;
    }
  }
  var end = start, length = 0;
  while (end < list.length && length < SNIPPET_CHARACTERS) {
    length += list[end].word ? list[end].text.replace(/<\/?mark>/g, "").length : list[end].text.length;
    end++;
  }
  return (start > 0 ? "… " : "") + joined(list.slice(start, end)) + (end < list.length ? " …" : "");
}

/* The start of the text, without tags, cut at a word near SNIPPET_CHARACTERS, with "…" where it was cut. */
function brief(html) {
  var text = html.slice(0, BRIEF_READ).replace(/<[^>]*>?/g, " ").replace(/&[#\w]*$/, "");
  text = escapeStray(text).replace(/\s+/g, " ").trim();
  if (text.length <= SNIPPET_CHARACTERS && html.length <= BRIEF_READ) return text;
  var cut = text.lastIndexOf(" ", SNIPPET_CHARACTERS);
  return text.slice(0, cut > 0 ? cut : SNIPPET_CHARACTERS) + " …";
}

/* A result's text: a marked snippet on the first FULL_PAGES result pages (`place` counts from 1), the text's start after. */
function shownText(html, terms, place) {
  return place <= FULL_PAGES ? snippet(html, terms) : brief(html);
}

function search(query) {
  var terms = termsOf(query);
  if (terms.length === 0 || documents.length === 0) return {items: []};
  var perTerm = terms.map(scoresFor);
  var totals = new Map();
  perTerm.forEach(function (scores) {
    scores.forEach(function (score, index) {
      var total = totals.get(index) || {score: 0, matched: 0};
      total.score += score;
      total.matched += 1;
      totals.set(index, total);
    });
  });
  var found = [];
  totals.forEach(function (total, index) {
    var boost = (documents[index].article === -1 ? 1 : 0) + total.matched / terms.length;
    found.push({index: index, score: total.score * (1 + boost * boost)});
  });
  found.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
  var groups = new Map(), ordinals = new Map();  // page -> its results; page -> its place among the pages
  found.forEach(function (hit) {
    var doc = documents[hit.index];
    var page = doc.article === -1 ? hit.index : doc.article;
    var matched = {};
    terms.forEach(function (term, position) { matched[term] = perTerm[position].has(hit.index); });
    if (!groups.has(page)) { groups.set(page, []); ordinals.set(page, groups.size); }
    var item = {location: doc.location, title: highlightTitle(doc.title, terms), text: shownText(doc.text, terms, ordinals.get(page)), score: hit.score, terms: matched};
    groups.get(page).push(item);
  });
  groups.forEach(function (items, page) {
    var article = documents[page];
    if (!items.some(function (item) { return item.location === article.location; })) {
      items.push({location: article.location, title: highlightTitle(article.title, []), text: shownText(article.text, [], ordinals.get(page)), score: 0, terms: {}});
    }
  });
  return {items: Array.from(groups.values())};
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    setup((message.data && message.data.docs) || []);
    self.postMessage({type: READY});
  } else if (message.type === QUERY) {
    var result;
    try {
      result = search(String(message.data || ""));
    } catch (error) {
      result = {items: []};
    }
    self.postMessage({type: RESULT, data: result});
  }
});
