#include "core/speakers.h"

#include <algorithm>
#include <unordered_map>

#include "core/lexicon.h"
#include "core/mentions.h"
#include "core/words.h"

namespace byline {
namespace {

template <size_t N>
bool In(std::string_view w, const std::string_view (&set)[N]) {
  for (std::string_view s : set) {
    if (w == s) return true;
  }
  return false;
}

constexpr std::string_view kDeterminers[] = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "one", "two", "three", "four", "five", "both", "other",
    "another", "each", "every", "most", "few", "all", "no", "The", "A", "An", "His", "Her", "Its",
    "Their", "Our", "My", "This", "These", "Those", "Some", "Many", "Several", "One", "Two",
    "Both", "Other", "Another", "Each", "Most", "All"};

constexpr std::string_view kAdverbs[] = {
    "also", "later", "then", "has", "had", "have", "was", "is", "would", "will", "did", "does",
    "do", "just", "once", "again", "previously", "recently", "repeatedly", "reportedly", "often",
    "further", "simply", "finally", "earlier", "separately", "privately", "publicly", "still",
    "even", "already", "never", "not", "flatly", "quickly", "first", "has", "may", "might",
    "could", "should", "can", "must", "had", "were", "are", "been", "being", "initially",
    "subsequently", "frequently", "openly", "angrily", "bluntly", "quietly", "loudly", "proudly",
    "once", "famously", "memorably", "tersely", "sharply", "emphatically", "curtly", "bluntly",
    "n't", "not", "ultimately", "immediately", "jokingly", "candidly", "sarcastically",
    "insistently", "reportedly", "allegedly", "apparently", "clearly", "explicitly"};

// Words that end a noun phrase scanned backwards from a verb (they are not part of a subject).
constexpr std::string_view kNpStop[] = {
    "that", "and", "but", "or", "to", "in", "on", "for", "with", "at", "by", "from", "as", "than",
    "because", "if", "when", "while", "after", "before", "is", "was", "were", "are", "be",
    "been", "has", "had", "have", "not", "also", "which", "who", "whom", "so", "about", "into",
    "over", "under", "said", "says", "told", "then", "there", "here", "it", "they", "he", "she",
    "we", "i", "you", "what", "how", "why", "where", "would", "will", "could", "should", "can",
    "may", "might", "must", "do", "does", "did", "even", "just", "only", "up", "out", "off",
    "down", "during", "since", "until", "through", "against", "between", "without", "within",
    "upon", "among", "across", "around", "via", "per", "like", "unlike", "despite", "though",
    "although", "whether", "whose", "where", "yet", "nor", "of"};

// Quantifiers that stand alone as a subject ("many believe", "Some say").
constexpr std::string_view kQuantifiers[] = {"many", "some", "most", "few", "others", "several",
                                             "both", "all", "Many", "Some", "Most", "Few",
                                             "Others", "Several", "Both", "All"};

constexpr std::string_view kPronouns[] = {"he", "she", "they", "it", "we", "I", "He", "She",
                                          "They", "It", "We", "who", "which"};

// Capitalized words that start sentences but start no name.
constexpr std::string_view kNotNames[] = {
    "The", "A", "An", "But", "And", "Or", "In", "On", "At", "As", "If", "When", "While", "After",
    "Before", "So", "Yet", "For", "With", "This", "That", "These", "Those", "It", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "My", "Your", "There", "Here",
    "Asked", "Speaking", "According", "Still", "However", "Meanwhile", "Then", "Now", "Also",
    "Even", "Although", "Though", "Because", "Since", "Until", "Despite", "During", "From", "To",
    "By", "Of", "About", "Under", "Over", "What", "Why", "How", "Where", "Who", "Which", "Some",
    "Many", "Most", "All", "Both", "Each", "Every", "No", "Not", "Only", "Just", "Asked", "Told",
    "Said", "Like", "Unlike", "Among", "Instead", "Indeed", "Last", "Next", "Earlier", "Later",
    "Today", "Yesterday", "Tonight", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Mr", "Several", "Other",
    "Another", "Such", "Do", "Does", "Did", "Is", "Was", "Are", "Were", "Has", "Have", "Had",
    "Will", "Would", "Can", "Could", "Should", "Must", "Let", "Please", "Yes", "Thank", "Thanks",
    "Oh", "Well", "OK", "Okay", "Hey", "Why", "Whether", "Once", "Again", "Already", "Perhaps",
    "Maybe", "Sure", "Watch", "Read", "See", "Follow", "Click", "Photo", "Image", "Video",
    "Related", "Advertisement", "Update", "UPDATE", "Editor", "Note", "Sign", "Subscribe"};

constexpr std::string_view kConnectors[] = {"of", "de", "van", "von", "al", "bin", "la", "le",
                                            "du", "da", "der", "del", "den", "di", "dos", "ibn",
                                            "y", "&"};

constexpr std::string_view kTimeWords[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today",
    "yesterday", "tonight", "earlier", "later", "recently", "also", "again", "repeatedly",
    "previously", "Monday's", "late", "last", "this", "on", "in", "at", "during", "to", "about",
    "of", "for", "with", "after", "before", "when", "while", "as", "so", "too", "nothing",
    "something", "anything", "goodbye", "yes", "no", "otherwise", "more", "less", "much",
    "little", "enough", "afterward", "afterwards", "through", "from", "by", "Sunday's"};

constexpr std::string_view kTellVerbs[] = {"tell", "tells", "told", "telling", "inform",
                                           "informs", "informed", "informing", "assure",
                                           "assures", "assured", "assuring", "remind",
                                           "reminds", "reminded", "reminding", "warn", "warns",
                                           "warned", "warning", "advise", "advised", "urged"};

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

std::string_view ToLowerAscii(std::string_view w, std::string* buf) {
  buf->assign(w);
  for (char& c : *buf) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return *buf;
}

enum class CandKind : uint8_t { kName, kPronoun, kNominal };

struct Cand {
  bool ok = false;
  uint32_t first = 0, last = 0;  // word range [first, last)
  CandKind kind = CandKind::kNominal;
  int run = -1;  // name run for kName
};

// A found candidate over words [first, last).
Cand SpanCand(size_t first, size_t last, CandKind kind) {
  Cand c;
  c.ok = true;
  c.first = static_cast<uint32_t>(first);
  c.last = static_cast<uint32_t>(last);
  c.kind = kind;
  return c;
}

struct Run {
  uint32_t first, last;  // word range
  bool possessive = false;
};

}  // namespace

struct SpeakerFinder::Impl {
  std::string_view text;
  const std::vector<QuotedSpan>& spans;
  WordView v;
  std::vector<Run> runs;
  std::vector<int> run_of_word;
  JoinedMentions joined;
  std::vector<std::string> ent_type;
  std::vector<Gender> ent_gender;
  // Appositions: lowercase head noun -> (word index, entity), in text order.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, int>>> ties;
  std::vector<Attribution> done;  // per span attributed so far
  std::vector<uint8_t> verb_flags;  // per word: 1 speech verb, 2 also reports a clause

  Impl(std::string_view t, const std::vector<QuotedSpan>& s, const std::vector<Entity>& entities)
      : text(t), spans(s), v(BuildWordView(t, s)) {
    verb_flags.resize(v.words.size());
    for (size_t i = 0; i < v.words.size(); ++i) {
      if (v.words[i].kind != WordKind::kWord || v.words[i].in_quote) continue;
      const SpeechVerb sv = LookupSpeechVerb(v.Text(i));
      verb_flags[i] = static_cast<uint8_t>((sv.is_verb ? 1 : 0) | (sv.reports_that ? 2 : 0));
    }
    FindRuns(entities);
    FindTies();
  }

  const Word& W(size_t i) const { return v.words[i]; }
  std::string_view T(size_t i) const { return v.Text(i); }
  bool IsWord(size_t i) const { return i < v.words.size() && W(i).kind == WordKind::kWord; }
  bool Outside(size_t i) const { return i < v.words.size() && !W(i).in_quote; }
  bool IsPunct(size_t i, std::string_view p) const {
    return i < v.words.size() && W(i).kind == WordKind::kPunct && T(i) == p;
  }
  bool IsLowerWord(size_t i) const { return IsWord(i) && !W(i).capitalized; }
  bool IsSpeechVerb(size_t i) const {
    return IsWord(i) && !W(i).in_quote && Verb(i).is_verb &&
           (!W(i).capitalized || i == v.sentence_first[W(i).sentence]);
  }
  // LookupSpeechVerb for word i, looked up once per word.
  SpeechVerb Verb(size_t i) const {
    const uint8_t f = verb_flags[i];
    return {(f & 1) != 0, (f & 2) != 0};
  }

  bool IsDigitWord(size_t i) const {
    return IsWord(i) && !T(i).empty() && T(i)[0] >= '0' && T(i)[0] <= '9';
  }

  // Skips time and manner adjuncts after a verb: "on Friday", "Tuesday", "in a statement",
  // "last week", "earlier", ", however,". Returns the first word after them.
  size_t SkipAdjuncts(size_t k, size_t end) const {
    static constexpr std::string_view kDays[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "today",
        "yesterday", "tonight", "earlier", "later", "recently", "also", "again", "repeatedly",
        "previously", "Monday's", "privately", "publicly", "flatly", "once", "often", "afterward"};
    static constexpr std::string_view kMedia[] = {
        "statement", "interview", "email", "e-mail", "letter", "post", "tweet", "speech",
        "op-ed", "release", "conference", "call", "briefing", "memo", "report", "appearance",
        "message", "rally", "debate", "video", "radio", "television", "podcast", "address",
        "phone", "meeting", "session", "hearing", "filing", "note", "blog", "column", "essay"};
    for (int guard = 0; guard < 4 && k < end; ++guard) {
      if (!IsWord(k)) return k;
      const std::string_view w = T(k);
      if (In(w, kDays)) {
        ++k;
        continue;
      }
      // "said Dec. 6 on CNN", "said March 3"
      static constexpr std::string_view kMonths[] = {
          "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "January", "February",
          "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December"};
      if (In(w, kMonths) && IsDigitWord(k + 1)) {
        k += 2;
        continue;
      }
      if ((w == "on" || w == "last" || w == "this" || w == "next") && IsWord(k + 1) &&
          (In(T(k + 1), kDays) || T(k + 1) == "week" || T(k + 1) == "month" ||
           T(k + 1) == "year" || T(k + 1) == "night" || T(k + 1) == "weekend" ||
           T(k + 1) == "morning" || T(k + 1) == "evening" || T(k + 1) == "afternoon")) {
        k += 2;
        continue;
      }
      if ((w == "in" || w == "during" || w == "at") && k + 2 < end) {
        size_t m = k + 1;
        if (IsWord(m) && In(T(m), kDeterminers)) ++m;
        size_t limit = m + 4;
        bool found = false;
        for (; m < end && m < limit && IsWord(m) && !W(m).in_quote; ++m) {
          if (In(T(m), kMedia)) {
            found = true;
            break;
          }
        }
        if (found) {
          k = m + 1;
          // "in an interview with CNN"
          if (IsWord(k) && (T(k) == "with" || T(k) == "on" || T(k) == "to")) {
            size_t n = k + 1;
            while (n < end && n < k + 5 && IsWord(n) &&
                   (W(n).capitalized || In(T(n), kDeterminers))) {
              ++n;
            }
            k = n;
          }
          continue;
        }
      }
      return k;
    }
    return k;
  }

  // ---- name runs ----------------------------------------------------------------------------
  void FindRuns(const std::vector<Entity>& entities) {
    run_of_word.assign(v.words.size(), -1);
    size_t i = 0;
    const size_t n = v.words.size();
    while (i < n) {
      if (!IsWord(i) || !W(i).capitalized || W(i).in_quote) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < n && W(j).sentence == W(i).sentence && !W(j).in_quote) {
        if (IsWord(j) && W(j).capitalized) {
          ++j;
        } else if (IsWord(j) && In(T(j), kConnectors) && j + 1 < n && IsWord(j + 1) &&
                   W(j + 1).capitalized && !W(j + 1).in_quote) {
          j += 2;
        } else {
          break;
        }
      }
      size_t b = i;
      // Drop sentence-start words that start no name, and lone pronoun I.
      while (b < j && (In(T(b), kNotNames) || T(b) == "I") &&
             (b == v.sentence_first[W(b).sentence] || In(T(b), kNotNames))) {
        ++b;
      }
      while (b < j && In(T(b), kConnectors)) ++b;
      if (b < j) {
        Run r{static_cast<uint32_t>(b), static_cast<uint32_t>(j), false};
        r.possessive = j < n && W(j).kind == WordKind::kPossessive;
        for (size_t k = b; k < j; ++k) run_of_word[k] = static_cast<int>(runs.size());
        runs.push_back(r);
      }
      i = j;
    }
    // Join them into entities, with the tagger's types as hints.
    std::vector<NameMention> mentions;
    mentions.reserve(runs.size());
    size_t e = 0;
    for (const Run& r : runs) {
      NameMention m;
      m.span = {W(r.first).begin, W(r.last - 1).end};
      while (e < entities.size() && entities[e].end <= m.span.begin) ++e;
      for (size_t k = e; k < entities.size() && entities[k].begin < m.span.end; ++k) {
        const std::string& t = entities[k].type;
        if (t == "PER" || t == "ORG" || t == "LOC" || t == "MISC") {
          if (entities[k].end > m.span.begin) {
            m.type = t == "MISC" ? "" : t;
            if (t == "PER") break;
          }
        }
      }
      mentions.push_back(std::move(m));
    }
    joined = JoinMentions(text, mentions);
    for (const JoinedEntity& je : joined.entities) {
      ent_type.push_back(je.type);
      ent_gender.push_back(je.gender);
    }
  }

  int EntityOfRun(int r) const { return r < 0 ? -1 : joined.entity_of[r]; }

  // ---- appositions ----------------------------------------------------------------------------
  // Lowercase head of a noun phrase ending at word `last` (exclusive), e.g. "spokesman".
  void Tie(size_t head_word, int entity) {
    std::string buf;
    ties[std::string(ToLowerAscii(T(head_word), &buf))].push_back(
        {static_cast<uint32_t>(head_word), entity});
  }

  void FindTies() {
    for (size_t r = 0; r < runs.size(); ++r) {
      const Run& run = runs[r];
      const int e = EntityOfRun(static_cast<int>(r));
      // "X, the spokesman," / "X, a former adviser to Y,"
      size_t k = run.last;
      if (IsPunct(k, ",") && IsWord(k + 1) && In(T(k + 1), kDeterminers)) {
        size_t head = 0;
        for (size_t j = k + 2; j < v.words.size() && j < k + 8; ++j) {
          if (!IsWord(j)) break;
          if (In(T(j), kNpStop)) break;
          if (!W(j).capitalized) head = j;
        }
        if (head) Tie(head, e);
      }
      // "spokesman X"
      if (run.first > 0 && IsLowerWord(run.first - 1) && !In(T(run.first - 1), kNpStop) &&
          !In(T(run.first - 1), kDeterminers) && !Verb(run.first - 1).is_verb) {
        Tie(run.first - 1, e);
      }
      // "the spokesman, X,"
      if (run.first >= 2 && IsPunct(run.first - 1, ",") && IsLowerWord(run.first - 2) &&
          !In(T(run.first - 2), kNpStop)) {
        size_t j = run.first - 2;
        size_t steps = 0;
        while (j > 0 && IsWord(j) && !In(T(j), kDeterminers) && steps < 5) {
          --j;
          ++steps;
        }
        if (IsWord(j) && In(T(j), kDeterminers)) Tie(run.first - 2, e);
      }
    }
  }

  // ---- noun phrases ---------------------------------------------------------------------------
  Cand PronounCand(size_t i) const {
    return SpanCand(i, i + 1, CandKind::kPronoun);
  }

  Cand RunCand(int r) const {
    Cand c = SpanCand(runs[r].first, runs[r].last, CandKind::kName);
    c.run = r;
    return c;
  }

  // The subject of the verb at word vi, scanning left (not before `floor`).
  Cand SubjectBefore(size_t vi, size_t floor) const {
    Cand none;
    if (vi == 0) return none;
    size_t j = vi - 1;
    int skipped = 0;
    // "-ly" words are adverbs unless a determiner or possessive makes them nouns ("the family").
    while (j > floor && IsWord(j) && !W(j).capitalized &&
           (In(T(j), kAdverbs) ||
            (EndsWith(T(j), "ly") && T(j).size() > 4 &&
             !(W(j - 1).kind == WordKind::kPossessive ||
               (IsWord(j - 1) && In(T(j - 1), kDeterminers))))) &&
           skipped < 4) {
      --j;
      ++skipped;
    }
    if (j < floor || W(j).in_quote) return none;
    if (IsPunct(j, ")")) {
      size_t k = j;
      while (k > floor && !IsPunct(k, "(") && j - k < 12) --k;
      if (!IsPunct(k, "(") || k == 0) return none;
      j = k - 1;
    }
    if (IsPunct(j, ",")) {
      // "X, the spokesman, said" / "X, who ..., said": the subject is before the first comma.
      size_t k = j;
      bool found = false;
      while (k > floor && j - k < 16) {
        --k;
        if (W(k).kind == WordKind::kOpenQuote || W(k).kind == WordKind::kCloseQuote) break;
        if (IsPunct(k, ".") || IsPunct(k, ";")) break;
        if (IsPunct(k, ",")) {
          found = true;
          break;
        }
      }
      if (!found || k == 0) return none;
      bool appos = false;
      if (IsWord(k + 1)) {
        if (T(k + 1) == "who" || T(k + 1) == "which") {
          appos = true;
        } else if (In(T(k + 1), kDeterminers) && j - k <= 9) {
          appos = true;
          for (size_t m = k + 1; m < j; ++m) appos = appos && !IsSpeechVerb(m);
        } else if (run_of_word[k + 1] >= 0 && runs[run_of_word[k + 1]].first == k + 1 &&
                   runs[run_of_word[k + 1]].last == j) {
          appos = true;
        }
      }
      if (!appos) return none;
      j = k - 1;
      if (j < floor) return none;
    }
    if (!IsWord(j) || W(j).in_quote) {
      if (j < v.words.size() && W(j).kind == WordKind::kPossessive) {
        // "Trump's campaign said" handled by the nominal branch; a bare "Trump's said" is not.
      }
      return none;
    }
    // "many believe ...", "Some say ...", "others argue ...": a quantifier alone is a subject.
    if (j + 1 == vi && In(T(j), kQuantifiers) &&
        (j == floor || !IsWord(j - 1) || In(T(j - 1), kNpStop) || j == v.sentence_first[W(j).sentence])) {
      return SpanCand(j, j + 1, CandKind::kNominal);
    }
    if (T(j) == "and" && j > floor) return SentenceSubject(floor, j);  // "X did A and said"
    if (In(T(j), kPronouns)) return PronounCand(j);
    if (run_of_word[j] >= 0) {
      const int r = run_of_word[j];
      if (runs[r].last == j + 1) return RunCand(r);
    }
    if (W(j).capitalized) return none;
    // A noun phrase: lowercase words back to a determiner, possessive or name.
    if (In(T(j), kNpStop) || In(T(j), kDeterminers)) return none;
    size_t b = j;
    int steps = 0;
    while (b > floor && steps < 6) {
      const size_t p = b - 1;
      if (W(p).in_quote || W(p).sentence != W(j).sentence) break;
      if (W(p).kind == WordKind::kPossessive) {
        b = p;
        if (p > 0 && run_of_word[p - 1] >= 0) b = runs[run_of_word[p - 1]].first;
        break;
      }
      if (!IsWord(p)) break;
      if (In(T(p), kDeterminers)) {
        b = p;
        break;
      }
      if (run_of_word[p] >= 0) {
        b = runs[run_of_word[p]].first;
        // "the NATO chief": keep a determiner before the name.
        if (b > floor && IsWord(b - 1) && In(T(b - 1), kDeterminers)) --b;
        break;
      }
      if (In(T(p), kNpStop) || Verb(p).is_verb) break;
      b = p;
      ++steps;
    }
    // The phrase must start a clause: after a boundary or a subordinator, not after a verb or
    // preposition ("welcomed Stoltenberg's support and said" has no nominal subject).
    // "An earlier report in a New Hampshire paper said", "half of GOP voters said": a
    // prepositional phrase attaches to the noun phrase before it.
    static constexpr std::string_view kNpPreps[] = {"of", "in", "for", "at", "from", "with", "on"};
    for (int pp = 0; pp < 2 && b > floor + 1 && IsWord(b - 1) && In(T(b - 1), kNpPreps) &&
                     IsWord(b - 2) && !In(T(b - 2), kNpStop) && !W(b - 2).in_quote &&
                     !Verb(b - 2).is_verb && !EndsWith(T(b - 2), "ed");
         ++pp) {
      size_t h = b - 2;
      int steps2 = 0;
      while (h > floor && steps2 < 4 && IsWord(h - 1) && !In(T(h - 1), kNpStop) &&
             !W(h - 1).in_quote && !Verb(h - 1).is_verb &&
             !In(T(h), kDeterminers)) {
        --h;
        ++steps2;
      }
      b = h;
    }
    if (b > floor && IsLowerWord(b - 1) && !IsDigitWord(b - 1)) {
      static constexpr std::string_view kOpeners[] = {"that", "and", "but", "because", "while",
                                                      "when", "as", "if", "although", "though",
                                                      "since", "so", "where", "after", "before"};
      const std::string_view prev = T(b - 1);
      const bool verb_like = EndsWith(prev, "ed") || EndsWith(prev, "ing") ||
                             In(prev, kNpPreps) || In(prev, kNpStop) ||
                             LookupSpeechVerb(prev).is_verb;
      if (!In(prev, kOpeners) && verb_like) return none;
    }
    return SpanCand(b, j + 1, CandKind::kNominal);
  }

  // A noun phrase starting at word i (after an inverted verb, or before a verb after a quotation).
  Cand NounPhraseAt(size_t i) const {
    Cand none;
    if (!IsWord(i) || W(i).in_quote) return none;
    if (In(T(i), kPronouns)) return PronounCand(i);
    if (!W(i).capitalized && (In(T(i), kNpStop) || In(T(i), kAdverbs) || Verb(i).is_verb)) {
      return none;  // "and said", "that its ...", "was written by": no noun phrase here
    }
    if (run_of_word[i] >= 0 && runs[run_of_word[i]].first == i) {
      const int r = run_of_word[i];
      if (!runs[r].possessive) return RunCand(r);
    }
    // Determiner or lowercase start: up to 8 words; the last name run inside is the head if it
    // ends the phrase ("White House press secretary Josh Earnest").
    size_t j = i;
    int last_run = -1;
    while (j < v.words.size() && j < i + 9 && !W(j).in_quote) {
      if (W(j).kind == WordKind::kPossessive) {
        last_run = -1;
        ++j;
        continue;
      }
      if (!IsWord(j)) break;
      if (j > i && (In(T(j), kNpStop) || In(T(j), kAdverbs))) break;
      if (j > i && Verb(j).is_verb && !W(j).capitalized) break;
      if (run_of_word[j] >= 0) {
        const int r = run_of_word[j];
        j = runs[r].last;
        last_run = runs[r].possessive ? -1 : r;
        continue;
      }
      if (W(j).capitalized && j > i) break;
      last_run = -1;
      ++j;
    }
    if (j == i) return none;
    if (last_run >= 0) return RunCand(last_run);
    if (!In(T(i), kDeterminers) && W(i).capitalized && run_of_word[i] < 0) return none;
    return SpanCand(i, j, CandKind::kNominal);
  }

  // After a noun phrase ending at word e: apposition, adverbs, then a speech verb? Returns its index.
  size_t SpeechVerbAfter(size_t e) const {
    size_t k = e;
    // "Rep. Gwen Moore (D-Wis.) said"
    if (IsPunct(k, "(")) {
      size_t j = k + 1;
      while (j < v.words.size() && j < k + 8 && !IsPunct(j, ")")) ++j;
      if (!IsPunct(j, ")")) return SIZE_MAX;
      k = j + 1;
    }
    // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said"
    for (int segments = 0; segments < 2 && IsPunct(k, ","); ++segments) {
      size_t j = k + 1;
      while (j < v.words.size() && j < k + 16 && !IsPunct(j, ",") && !IsPunct(j, ".") &&
             !W(j).in_quote && W(j).kind != WordKind::kOpenQuote) {
        ++j;
      }
      if (!IsPunct(j, ",")) return SIZE_MAX;
      k = j + 1;
    }
    int skipped = 0;
    while (IsWord(k) && (In(T(k), kAdverbs) || (EndsWith(T(k), "ly") && T(k).size() > 4)) &&
           !Verb(k).is_verb && skipped < 3) {
      ++k;
      ++skipped;
    }
    return IsSpeechVerb(k) ? k : SIZE_MAX;
  }

  // ---- resolution -----------------------------------------------------------------------------
  Gender PronounGender(std::string_view p) const {
    if (p == "he" || p == "He") return Gender::kMale;
    if (p == "she" || p == "She") return Gender::kFemale;
    return Gender::kUnknown;
  }

  bool IsPersonEntity(int e) const { return e >= 0 && ent_type[e] == "PER"; }

  // The person a he/she at word i refers to: current sentence before i, then earlier sentences,
  // leftmost first; -1 if none.
  int ResolvePronoun(size_t i) {
    const Gender g = PronounGender(T(i));
    if (g == Gender::kUnknown) return -1;
    const uint32_t s0 = W(i).sentence;
    for (uint32_t back = 0; back <= 6 && back <= s0; ++back) {
      const uint32_t s = s0 - back;
      const size_t from = v.sentence_first[s];
      const size_t to = std::min<size_t>(back == 0 ? i : v.sentence_first[s + 1], from + 200);
      for (size_t k = from; k < to; ++k) {
        const int r = run_of_word[k];
        if (r < 0 || runs[r].first != k) continue;
        k = runs[r].last - 1;
        if (runs[r].possessive) continue;
        const int e = EntityOfRun(r);
        if (!IsPersonEntity(e)) continue;
        if (ent_gender[e] != Gender::kUnknown && ent_gender[e] != g) continue;
        if (ent_gender[e] == Gender::kUnknown) ent_gender[e] = g;
        return e;
      }
    }
    return -1;
  }

  Attribution Resolve(const Cand& c, AttributionRule rule) {
    Attribution a;
    if (!c.ok) return a;
    a.has_speaker = true;
    a.rule = rule;
    a.speaker = {W(c.first).begin, W(c.last - 1).end};
    if (c.kind == CandKind::kName) {
      const int e = EntityOfRun(c.run);
      a.speaker = joined.name_span[c.run];
      if (e >= 0) {
        if (ent_type[e].empty()) ent_type[e] = "PER";  // something that speaks
        a.name = joined.entities[e].name;
      }
    } else if (c.kind == CandKind::kPronoun) {
      const std::string_view p = T(c.first);
      if (p == "who" || p == "which") {
        size_t k = c.first;
        if (k > 0 && IsPunct(k - 1, ",")) --k;
        if (k > 0 && run_of_word[k - 1] >= 0) {
          const int e = EntityOfRun(run_of_word[k - 1]);
          if (e >= 0) a.name = joined.entities[e].name;
        }
      } else {
        const int e = ResolvePronoun(c.first);
        if (e >= 0) a.name = joined.entities[e].name;
      }
    } else {
      // A noun phrase: its head tied to a name by apposition?
      std::string buf;
      auto it = ties.find(std::string(ToLowerAscii(T(c.last - 1), &buf)));
      if (it != ties.end()) {
        int best = -1;
        for (const auto& [word, e] : it->second) {
          if (word <= c.last || best < 0) best = e;
        }
        if (best >= 0) a.name = joined.entities[best].name;
      }
    }
    return a;
  }

  // ---- attribution of a quotation --------------------------------------------------------------
  // Words of span i: [first, last) including its marks.
  void SpanWords(size_t i, size_t* first, size_t* last) const {
    const int o = v.quote_open_word[i];
    *first = o < 0 ? 0 : static_cast<size_t>(o);
    const int c = v.quote_close_word[i];
    if (c >= 0) {
      *last = static_cast<size_t>(c) + 1;
    } else {
      size_t k = *first + 1;
      while (k < v.words.size() && W(k).quote == static_cast<int32_t>(i)) ++k;
      *last = k;
    }
  }

  // "according to X" in the sentence of words [from, to).
  Cand AccordingTo(size_t from, size_t to) const {
    for (size_t k = from; k + 2 < to; ++k) {
      if (Outside(k) && IsWord(k) && (T(k) == "according" || T(k) == "According") &&
          T(k + 1) == "to") {
        return NounPhraseAt(k + 2);
      }
    }
    return Cand{};
  }

  Attribution Attribute(size_t qi) {
    Attribution a = AttributeUncached(qi);
    done.push_back(a);
    return a;
  }

  Attribution AttributeUncached(size_t qi) {
    size_t first, last;
    SpanWords(qi, &first, &last);
    if (first >= v.words.size()) return {};
    const uint32_t s_open = W(first).sentence;
    const uint32_t s_close = W(last - 1).sentence;
    const size_t sent_begin = v.sentence_first[s_open];
    const size_t sent_end = v.sentence_first[s_close + 1];

    // 1. Right after the quotation: "…," X said / "…," said X.
    size_t j = last;
    while (j < v.words.size() && (IsPunct(j, ",") || IsPunct(j, "\xE2\x80\x94") ||
                                  IsPunct(j, "\xE2\x80\x95") ||
                                  IsPunct(j, "\xE2\x80\x93") || IsPunct(j, "-"))) {
      ++j;
    }
    // "…" ― Carla Sanchez: a dash and a name sign the quotation.
    if (j > last && j < v.words.size() && Outside(j) && run_of_word[j] >= 0 &&
        runs[run_of_word[j]].first == j && W(j).paragraph == W(last - 1).paragraph &&
        (IsPunct(j - 1, "\xE2\x80\x94") || IsPunct(j - 1, "\xE2\x80\x95") ||
         IsPunct(j - 1, "\xE2\x80\x93"))) {
      return Resolve(RunCand(run_of_word[j]), AttributionRule::kAdjacent);
    }
    // The same sentence, or straight after the mark ("…!!!" McDonough wrote).
    const char before_close = W(last - 1).begin > 0 ? text[W(last - 1).begin - 1] : ' ';
    const bool exclaims = W(last - 1).kind == WordKind::kCloseQuote &&
                          (before_close == '!' || before_close == '?');
    if (j < v.words.size() && (W(j).sentence == s_close || (j == last && exclaims)) &&
        Outside(j) &&
        W(j).paragraph == W(last - 1).paragraph) {
      if (IsSpeechVerb(j) && !W(j).capitalized && !EndsWith(T(j), "ing")) {
        Cand c = NounPhraseAt(j + 1);
        if (c.ok) return Resolve(c, AttributionRule::kAdjacent);
      }
      Cand c = NounPhraseAt(j);
      if (c.ok) {
        const size_t vi = SpeechVerbAfter(c.last);
        if (vi != SIZE_MAX) return Resolve(c, AttributionRule::kAdjacent);
      }
    }

    // 2. A speech verb earlier in the sentence.
    for (size_t k = first; k > sent_begin && first - k < 45;) {
      --k;
      if (!IsSpeechVerb(k)) continue;
      const bool participle = EndsWith(T(k), "ing") && k > 0 && IsPunct(k - 1, ",");
      Cand c = participle ? Cand{} : SubjectBefore(k, sent_begin);
      if (!c.ok && EndsWith(T(k), "ing")) {
        // "..., adding that": the subject of the main clause.
        for (size_t m = k; m > sent_begin;) {
          --m;
          if (IsSpeechVerb(m)) {
            c = SubjectBefore(m, sent_begin);
            if (c.ok) break;
          }
        }
        if (!c.ok) c = SentenceSubject(sent_begin, k);
      }
      if (c.ok) return Resolve(c, AttributionRule::kVerbBefore);
      // A verb without a subject ("Asked about …, X said") : keep looking left.
    }

    // 3. according to X (near the quotation: sentences can be huge in odd input).
    {
      Cand c = AccordingTo(std::max(sent_begin, first > 40 ? first - 40 : size_t{0}),
                           std::min(sent_end, last + 40));
      if (c.ok) return Resolve(c, AttributionRule::kAccordingTo);
    }

    // 4. A fragment inside a sentence: the sentence's subject.
    const bool starts_sentence = first == sent_begin;
    if (!starts_sentence) {
      Cand c = SentenceSubject(sent_begin, first);
      if (c.ok) return Resolve(c, AttributionRule::kSubject);
    }

    // 4b. A speech verb later in the sentence after other quotations: "A" and "B," he said.
    for (size_t k = last; k < sent_end && k < last + 40; ++k) {
      if (W(k).kind == WordKind::kOpenQuote || W(k).kind == WordKind::kCloseQuote) continue;
      if (W(k).in_quote) continue;
      if (IsSpeechVerb(k)) {
        if (k > 0 && W(k - 1).kind == WordKind::kCloseQuote) {
          Cand c = NounPhraseAt(k + 1);
          if (c.ok) return Resolve(c, AttributionRule::kAdjacent);
        }
        Cand c = SubjectBefore(k, last);
        if (c.ok) return Resolve(c, AttributionRule::kAdjacent);
        break;
      }
    }

    // 5. Continuation: no attribution of its own, the previous quotation's speaker.
    // The quotation before it, skipping titles and short fragments (those are not reported).
    size_t pq = qi;
    while (pq > 0 && pq + 3 > qi) {
      --pq;
      size_t f, l;
      SpanWords(pq, &f, &l);
      int n = 0;
      bool all_caps = true;
      for (size_t k = f; k < l; ++k) {
        if (!IsWord(k)) continue;
        ++n;
        all_caps = all_caps && W(k).capitalized;
      }
      const AttributionRule r = done[pq].rule;
      const bool kept = r == AttributionRule::kAdjacent || r == AttributionRule::kContinuation;
      if (!(n <= 3 && (!kept || (all_caps && n >= 2)))) break;
    }
    if (starts_sentence && qi > 0 && pq < qi) {
      const Attribution& prev = done[pq];
      size_t pf, pl;
      SpanWords(pq, &pf, &pl);
      const uint32_t para_gap = W(first).paragraph - W(pl - 1).paragraph;
      if (prev.has_speaker && para_gap <= 1 && !SpeechBetween(pl, first, prev)) {
        Attribution a = prev;
        a.rule = AttributionRule::kContinuation;
        return a;
      }
    }
    // "X said:" ending the previous paragraph.
    if (starts_sentence && first > 0) {
      size_t k = first - 1;
      if (IsPunct(k, ":") && Outside(k)) {
        const size_t sb = v.sentence_first[W(k).sentence];
        for (size_t m = k; m > sb;) {
          --m;
          if (IsSpeechVerb(m)) {
            Cand c = SubjectBefore(m, sb);
            if (c.ok) return Resolve(c, AttributionRule::kVerbBefore);
          }
        }
      }
    }
    return {};
  }

  // Is there an attribution to someone else between words [from, to)?
  bool SpeechBetween(size_t from, size_t to, const Attribution& prev) const {
    int outside_words = 0;
    // The rest of the previous quotation's sentence is its own attribution ("…," he told …).
    const uint32_t s = from > 0 ? W(from - 1).sentence : 0;
    while (from < to && W(from).sentence == s) ++from;
    // "…!!!" McDonough wrote in an email. "Thanks …": the attribution's own sentence.
    while (from < to && W(from).begin <= prev.speaker.begin &&
           v.sentence_first[W(from).sentence + 1] <= to) {
      from = v.sentence_first[W(from).sentence + 1];
    }
    if (to - from > 200) return true;
    for (size_t k = from; k < to; ++k) {
      if (!Outside(k) || W(k).quote >= 0) continue;
      if (IsWord(k)) ++outside_words;
      if (IsSpeechVerb(k)) {
        Cand c = SubjectBefore(k, v.sentence_first[W(k).sentence]);
        if (c.ok && W(c.first).begin != prev.speaker.begin) return true;
      }
    }
    return outside_words > 12;  // a whole narrative sentence between: not a continuation
  }

  // The first name or pronoun of the sentence in words [from, to), if not possessive.
  Cand SentenceSubject(size_t from, size_t to) const {
    // The subject is among the first 12 words outside quotations, and within kMaxSubjectScan words
    // of the sentence start: a sentence of nothing but quotation marks must not be rescanned whole
    // for every quotation in it.
    constexpr size_t kMaxSubjectScan = 200;
    int seen = 0;
    for (size_t k = from; k < to && seen < 12 && k - from < kMaxSubjectScan; ++k) {
      if (!Outside(k) || W(k).quote >= 0) continue;
      ++seen;
      if (IsWord(k) && In(T(k), kPronouns) && T(k) != "it" && T(k) != "It" && T(k) != "which") {
        return PronounCand(k);
      }
      const int r = run_of_word[k];
      if (r >= 0 && runs[r].first == k) {
        if (runs[r].possessive) return Cand{};
        const int e = EntityOfRun(r);
        if (e >= 0 && (ent_type[e] == "PER" || ent_type[e].empty() || ent_type[e] == "ORG")) {
          return RunCand(r);
        }
        k = runs[r].last - 1;
      }
    }
    return Cand{};
  }

  // End (exclusive word index) of a reported clause starting at word `clause` in a sentence
  // ending at `se`: the sentence end, or a break before a clause of the writer's (", whereas",
  // ", according to", ", adding", ", which") or the speaker's next act ("and promised to ...",
  // "and he noted that ..."), trimmed of trailing punctuation.
  size_t ClauseEnd(size_t clause, size_t se) const {
    size_t end = se;
    for (size_t m = clause + 1; m + 1 < se; ++m) {
      if (W(m).quote >= 0) continue;
      // "she regretted her remarks and promised to stay out of it": the speaker's next act.
      // "... more intense — and he noted that ...": another report.
      if (IsWord(m) && (T(m) == "and" || T(m) == "but") && IsWord(m + 1) &&
          (T(m + 1) == "he" || T(m + 1) == "she" || T(m + 1) == "they") && IsSpeechVerb(m + 2) &&
          Verb(m + 2).reports_that) {
        end = m;
        break;
      }
      if (IsWord(m) && T(m) == "and" && IsSpeechVerb(m + 1) &&
          (EndsWith(T(m + 1), "ed") || T(m + 1) == "said" || T(m + 1) == "told" ||
           T(m + 1) == "wrote")) {
        end = m;
        break;
      }
      // "1,409 teachers said they wanted Sanders, while 95 members favored Clinton": a contrast
      // of figures is the writer's.
      if (IsPunct(m, ",") && IsWord(m + 1) && T(m + 1) == "while" && IsDigitWord(m + 2)) {
        end = m;
        break;
      }
      if (IsPunct(m, ";") ||
          (IsPunct(m, ",") && IsWord(m + 1) &&
           (T(m + 1) == "whereas" ||
            T(m + 1) == "although" || T(m + 1) == "though" || T(m + 1) == "compared" ||
            T(m + 1) == "according" || T(m + 1) == "adding" || T(m + 1) == "saying" ||
            T(m + 1) == "which"))) {
        end = m;
        break;
      }
    }
    while (end > clause && !(IsWord(end - 1) || W(end - 1).kind == WordKind::kPossessive ||
                             IsPunct(end - 1, ")") || IsPunct(end - 1, "%"))) {
      --end;
    }
    return end;
  }

  // End of an object or a to-infinitive starting at word `clause`: ClauseEnd, or the first comma
  // ("called for a ban on Muslims, ...", "wants to sign up 5 million people, focusing on ...").
  size_t ObjectEnd(size_t clause, size_t se) const {
    const size_t end = ClauseEnd(clause, se);
    for (size_t m = clause + 1; m < end; ++m) {
      if (IsPunct(m, ",")) return m;
    }
    return end;
  }

  // Speech verbs whose bare object is rarely speech ("added 100 jobs", "claimed victory",
  // "declared a state of emergency"): a zero-that clause only when it opens with a pronoun or a
  // name.
  static bool TakesObjects(std::string_view w) {
    static constexpr std::string_view kObjectVerbs[] = {
        "add", "adds", "added", "adding", "claim", "claims",
        "claimed", "claiming", "declare", "declares", "declared", "declaring"};
    return In(w, kObjectVerbs);
  }

  // Appends the indirect quotation over words [clause, end) said by `subj` (none if !subj.ok),
  // unless it holds a quotation mark or has fewer than min_words words.
  bool EmitClause(size_t clause, size_t end, const Cand& subj, AttributionRule rule,
                  int min_words, std::vector<Quote>* out) {
    int words = 0;
    for (size_t m = clause; m < end; ++m) {
      if (W(m).quote >= 0 || W(m).in_quote) return false;
      if (IsWord(m)) ++words;
    }
    if (words < min_words || end <= clause) return false;
    Quote q;
    q.begin = W(clause).begin;
    q.end = W(end - 1).end;
    q.kind = QuoteKind::kIndirect;
    if (subj.ok) {
      Attribution a = Resolve(subj, rule);
      q.has_speaker = a.has_speaker;
      q.speaker = a.speaker;
      q.speaker_name = a.name;
    }
    out->push_back(std::move(q));
    return true;
  }

  // ---- reported speech ------------------------------------------------------------------------
  // Reported clause [from, to) of words, trimmed of trailing punctuation; false if it holds a
  // quotation or is too short.
  bool ClauseQuote(size_t from, size_t to, const Cand& subj, Quote* q, int min_words = 4) {
    while (to > from && !(IsWord(to - 1) || W(to - 1).kind == WordKind::kPossessive ||
                          IsPunct(to - 1, ")") || IsPunct(to - 1, "%"))) {
      --to;
    }
    int words = 0;
    for (size_t m = from; m < to; ++m) {
      if (W(m).quote >= 0 || W(m).in_quote) return false;
      if (IsWord(m)) ++words;
    }
    if (words < min_words) return false;
    q->begin = W(from).begin;
    q->end = W(to - 1).end;
    q->kind = QuoteKind::kIndirect;
    Attribution a = Resolve(subj, AttributionRule::kAccordingTo);
    q->has_speaker = a.has_speaker;
    q->speaker = a.speaker;
    q->speaker_name = a.name;
    return true;
  }

  // Start of the reported clause in words [sb, end) when it opens with a fronted adverbial
  // ("In Wisconsin, a hotbed of union activism, Sanders won ..., according to exit polls";
  // "Though he has no shot, John Kasich appears ..."): after the last comma, when a clause of at
  // least three words follows it. Else sb.
  size_t AfterFronted(size_t sb, size_t end) const {
    static constexpr std::string_view kFronted[] = {
        "In", "On", "At", "For", "When", "After", "Before", "Though", "Although", "While", "If",
        "Since", "With", "Despite", "By", "Under", "Among", "Unlike", "Like", "Even", "During",
        "Without", "Because", "Once", "Until", "Throughout", "Amid"};
    if (!IsWord(sb) || !In(T(sb), kFronted)) return sb;
    size_t comma = SIZE_MAX;
    for (size_t m = sb + 1; m + 1 < end; ++m) {
      if (IsPunct(m, ",")) comma = m;
    }
    if (comma == SIZE_MAX) return sb;
    int words = 0;
    for (size_t m = comma + 1; m < end; ++m) words += IsWord(m) ? 1 : 0;
    return words >= 3 ? comma + 1 : sb;
  }

  // "According to X, CLAUSE." and "CLAUSE, according to X."
  void AccordingToQuotes(std::vector<Quote>* out) {
    const size_t n = v.words.size();
    for (size_t k = 0; k + 2 < n; ++k) {
      if (!IsWord(k) || W(k).in_quote || (T(k) != "according" && T(k) != "According") ||
          T(k + 1) != "to") {
        continue;
      }
      const uint32_t s = W(k).sentence;
      const size_t sb = v.sentence_first[s], se = v.sentence_first[s + 1];
      if (se - sb > 160) continue;
      const Cand subj = NounPhraseAt(k + 2);
      if (!subj.ok) continue;
      Quote q;
      if (k == sb) {
        size_t comma = subj.last;
        while (comma < se && comma < subj.last + 24 && !IsPunct(comma, ",")) ++comma;
        if (comma < se && IsPunct(comma, ",") && ClauseQuote(comma + 1, se, subj, &q)) {
          out->push_back(q);
        }
      } else if (k > sb && IsPunct(k - 1, ",")) {
        size_t tail = subj.last;
        while (tail < se && !IsPunct(tail, ",") && !IsPunct(tail, ".")) ++tail;
        if ((tail >= se || IsPunct(tail, ".")) &&
            ClauseQuote(AfterFronted(sb, k - 1), k - 1, subj, &q)) {
          out->push_back(q);
        } else if (tail < se && IsPunct(tail, ",") && tail < subj.last + 10) {
          // "The plan, according to X, would ...": both sides of the parenthetical.
          Quote post;
          if (ClauseQuote(tail + 1, se, subj, &post)) {
            if (ClauseQuote(sb, k - 1, subj, &q)) out->push_back(q);
            out->push_back(post);
          }
        }
      }
    }
  }

  // "Trump's false claims that he's an advocate ...", "his belief that there will be ...", "the
  // notion that ...": a report noun, right after a determiner, possessive or adjective, then
  // "that" and a clause (not a relative clause: "the claim that was made"). The speaker is the
  // possessor, if any.
  bool NounReport(size_t ni, size_t sb, size_t se, std::vector<Quote>* out) {
    const size_t that = ni + 1;
    if (!IsWord(that) || T(that) != "that" || !Outside(that) || ni == sb) return false;
    const size_t c = that + 1;
    static constexpr std::string_view kStarts[] = {"he", "she", "they", "it", "we", "I", "you",
                                                   "there", "the", "a", "an", "his", "her",
                                                   "their", "its", "our", "this", "no", "some",
                                                   "most", "all", "many"};
    if (!IsWord(c) || !Outside(c) ||
        !(In(T(c), kStarts) || (run_of_word[c] >= 0 && runs[run_of_word[c]].first == c))) {
      return false;
    }
    Cand subj;
    size_t p = ni - 1;
    if (IsWord(p) && !W(p).capitalized && !In(T(p), kDeterminers) && p > sb) --p;  // "false"
    if (W(p).kind == WordKind::kPossessive && p > sb && run_of_word[p - 1] >= 0) {
      subj = RunCand(run_of_word[p - 1]);
    } else if (IsWord(p) && (T(p) == "his" || T(p) == "her" || T(p) == "their" ||
                             T(p) == "His" || T(p) == "Her" || T(p) == "Their")) {
      subj = PronounCand(p);
    } else if (!(IsWord(p) && In(T(p), kDeterminers))) {
      return false;
    }
    return EmitClause(that, ClauseEnd(that, se), subj, AttributionRule::kVerbBefore, 4, out);
  }

  // The clause of a verb of thought at word vi: "that CLAUSE", or a clause opening with a subject
  // pronoun or a name and a lowercase word ("I know Americans are impatient", "many fear they
  // will be unable ..."). `subject` finds the thinker.
  template <typename Subject>
  void ThinkClause(size_t vi, size_t se, bool passive, const Subject& subject,
                   std::vector<Quote>* out) {
    static constexpr std::string_view kStarts[] = {"he", "she", "they", "we", "I", "you",
                                                   "there", "it"};
    if (passive) return;
    const size_t k = SkipAdjuncts(vi + 1, se);
    if (!IsWord(k) || !Outside(k) || W(k).quote >= 0) return;
    const bool opens = T(k) == "that" || In(T(k), kStarts) ||
                       (run_of_word[k] >= 0 && runs[run_of_word[k]].first == k &&
                        !runs[run_of_word[k]].possessive &&
                        IsLowerWord(runs[run_of_word[k]].last));
    if (!opens || (T(k) == "it" && !IsWord(k + 1) &&
                   !(k + 1 < se && W(k + 1).kind == WordKind::kPossessive))) {
      return;
    }
    const Cand subj = subject();
    if (!subj.ok) return;
    EmitClause(k, ClauseEnd(k, se), subj, AttributionRule::kVerbBefore, 3, out);
  }

  // A noun phrase headed by a poll, study or document (data/report_verbs.txt +source) that ends
  // within 12 words before word vi, with nothing but modifiers between ("released Friday", "of
  // polls taken over the past two weeks", "by Loyola Law School professor Justin Levitt"): from
  // its determiner (or the sentence start) to vi.
  Cand SourceBefore(size_t vi, size_t sb) const {
    Cand none;
    size_t head = SIZE_MAX;
    for (size_t m = vi; m > sb && m + 12 > vi;) {
      --m;
      if (!IsWord(m) || !Outside(m)) {
        if (W(m).kind == WordKind::kPossessive || IsPunct(m, "-") || IsPunct(m, "/")) continue;
        return none;
      }
      if (IsSpeechVerb(m) || In(T(m), kPronouns) || T(m) == "that" || T(m) == "and") return none;
      if (LookupReportWord(T(m)).source) {
        head = m;
        break;
      }
    }
    if (head == SIZE_MAX) return none;
    size_t b = head;
    while (b > sb && head - b < 8 && !In(T(b), kDeterminers) &&
           ((IsWord(b - 1) && Outside(b - 1) && !In(T(b - 1), kNpStop)) ||
            (b - 1 > sb && IsPunct(b - 1, "/")))) {  // "Reuters/Ipsos"
      --b;
    }
    if (b > sb && !In(T(b), kDeterminers) && !(IsWord(b - 1) && In(T(b - 1), kNpStop))) {
      return none;
    }
    return SpanCand(b, vi, CandKind::kNominal);
  }

  // Thoughts, intentions and findings (data/report_verbs.txt): "X wants (Y) to ...", "X plans
  // to ...", "X is expected to ...", "X seems to ...", "the inquiry found that ...", "a poll
  // shows Clinton ahead ...".
  void ReportWordQuotes(std::vector<Quote>* out) {
    static constexpr std::string_view kBe[] = {"is", "are", "was", "were", "be", "been", "being",
                                               "'s", "’s"};
    static constexpr std::string_view kObjects[] = {"him", "her", "them", "us", "me", "you"};
    const size_t n = v.words.size();
    for (size_t vi = 0; vi < n; ++vi) {
      if (!IsWord(vi) || W(vi).in_quote || W(vi).capitalized) continue;
      const ReportWord rw = LookupReportWord(T(vi));
      const bool call = T(vi) == "called" || T(vi) == "calls" || T(vi) == "call" ||
                        T(vi) == "calling";
      // "referring to X" is an object report too (in data/report_verbs.txt).
      if (!rw.to_infinitive && !rw.raising && !rw.finding && !rw.object && !rw.noun &&
          !rw.think && !rw.as && !call) {
        continue;
      }
      const uint32_t s = W(vi).sentence;
      const size_t sb = v.sentence_first[s], se = v.sentence_first[s + 1];
      if (se - sb > 160) continue;  // keeps this linear, as above
      if (rw.noun && NounReport(vi, sb, se, out)) continue;
      // "is expected to", "was asked to"; not "is pledging to".
      const bool passive = vi > sb && IsWord(vi - 1) && In(T(vi - 1), kBe) && !EndsWith(T(vi), "ing");
      // A base form is often a noun ("a multi-year plan to align", "the hope to", "their
      // support"): only after a subject pronoun or an auxiliary ("they plan to", "would like
      // to", "will support").
      const std::string_view w = T(vi);
      if (!EndsWith(w, "s") && !EndsWith(w, "ed") && !EndsWith(w, "ing") && w != "sought" &&
          w != "told" && !rw.finding) {
        static constexpr std::string_view kPlural[] = {"I", "we", "they", "you", "who", "We",
                                                       "They", "You"};
        if (vi == sb || !IsWord(vi - 1) ||
            !(In(T(vi - 1), kPlural) || In(T(vi - 1), kQuantifiers) ||
              (In(T(vi - 1), kAdverbs) && !EndsWith(T(vi - 1), "ly")))) {
          continue;
        }
      }
      // The subject: before the verb, or the sentence's after a comma ("..., citing X").
      // `"…," Black said, referring to X`: the subject of the speech verb before the comma.
      const auto subject = [&]() {
        Cand c = SubjectBefore(vi, sb);
        if (!c.ok && EndsWith(w, "ing") && vi > sb && IsPunct(vi - 1, ",")) {
          for (size_t m = vi - 1; m > sb && m + 12 > vi && !c.ok;) {
            --m;
            if (!IsSpeechVerb(m)) continue;
            c = SubjectBefore(m, sb);
            if (!c.ok && IsPunct(m - 1, ",")) c = NounPhraseAt(m + 1);  // "…," said X, citing
          }
          if (!c.ok) c = SentenceSubject(sb, vi);
        }
        return c;
      };
      if (rw.as) {
        // "many Trump supporters see him as the stronger candidate": the object and its "as".
        if (passive || !IsWord(vi + 1) || !Outside(vi + 1)) continue;
        size_t m = vi + 1;
        while (m < se && m < vi + 7 && IsWord(m) && Outside(m) && T(m) != "as") ++m;
        if (m == vi + 1 || !IsWord(m) || T(m) != "as") continue;
        const Cand subj = subject();
        if (!subj.ok) continue;
        EmitClause(vi + 1, ObjectEnd(vi + 1, se), subj, AttributionRule::kVerbBefore, 3, out);
        continue;
      }
      if (call || rw.object) {
        // "called for a voice vote", "called on Congress to pass a deal", "cited comments".
        if (passive) {
          // "Mr. Quiros was accused of using $50 million ...": the charge, with no speaker.
          if (w == "accused" && IsWord(vi + 1) && T(vi + 1) == "of" && IsLowerWord(vi + 2)) {
            EmitClause(vi + 2, ObjectEnd(vi + 2, se), Cand{}, AttributionRule::kVerbBefore, 2,
                       out);
          }
          continue;
        }
        size_t clause = vi + 1;
        if (call) {
          if (!IsWord(vi + 1) || (T(vi + 1) != "for" && T(vi + 1) != "on" && T(vi + 1) != "upon")) {
            continue;
          }
          clause = vi + 2;
        } else if (w == "referring" || w == "refers" || w == "referred" || w == "pointed" ||
                   w == "points" || w == "pointing") {
          if (!IsWord(vi + 1) || T(vi + 1) != "to") continue;
          clause = vi + 2;
        } else if (w == "voted" || w == "votes" || w == "voting") {
          if (!IsWord(vi + 1) || (T(vi + 1) != "for" && T(vi + 1) != "against")) continue;
          clause = vi + 2;
        } else if (EndsWith(w, "ing") && !(vi > sb && IsPunct(vi - 1, ","))) {
          continue;  // "the opposing party", "was supporting"
        }
        if (!IsWord(clause) || !Outside(clause) || W(clause).quote >= 0 ||
            In(T(clause), kTimeWords) || (call && T(vi + 1) != "for" && !W(clause).capitalized &&
                                          !In(T(clause), kDeterminers))) {
          continue;
        }
        const Cand subj = subject();
        if (!subj.ok) continue;
        EmitClause(clause, ObjectEnd(clause, se), subj, AttributionRule::kVerbBefore, 2, out);
        continue;
      }
      if (rw.to_infinitive || rw.raising) {
        // The infinitive: "to VERB", or an object then "to VERB" ("wants Trump to lose"); a verb
        // of thought without one has a clause ("hopes that ...", below).
        size_t clause = SIZE_MAX;
        const size_t k = vi + 1;
        auto to_verb = [&](size_t m) {
          return IsWord(m) && T(m) == "to" && IsLowerWord(m + 1) && Outside(m + 1) &&
                 !IsDigitWord(m + 1) && !In(T(m + 1), kDeterminers);
        };
        if (to_verb(k)) {
          clause = k;
        } else if (rw.to_infinitive && !passive && IsWord(k) && Outside(k)) {
          size_t after = SIZE_MAX;
          if (In(T(k), kObjects) && to_verb(k + 1)) {
            after = k + 1;
          } else if (run_of_word[k] >= 0 && runs[run_of_word[k]].first == k) {
            after = runs[run_of_word[k]].last;
          } else if (In(T(k), kDeterminers)) {
            // "told his advisers to figure out", "urged the party to": a short noun phrase.
            after = k + 1;
            while (after < k + 5 && IsLowerWord(after) && Outside(after) && T(after) != "to" &&
                   !In(T(after), kNpStop)) {
              ++after;
            }
          }
          if (after != SIZE_MAX && to_verb(after)) clause = k;
        }
        if (clause == SIZE_MAX && rw.think) {
          ThinkClause(vi, se, passive, subject, out);
          continue;
        }
        if (clause == SIZE_MAX) continue;
        Cand subj;
        if (passive && w != "expected") continue;  // "is intended to", "was asked to"
        if (!rw.raising && !passive) {
          subj = subject();
          if (!subj.ok) continue;
        }
        if (EmitClause(clause, ObjectEnd(clause, se), subj, AttributionRule::kVerbBefore, 3,
                       out) &&
            (rw.raising || passive)) {
          // "Melania seems to have vanished", "Obama's veto is expected to come ...": PolNeAR
          // makes the subject a second piece of the content (a name or a noun phrase).
          size_t b = vi;
          if (passive) --b;
          const Cand c = SubjectBefore(b, sb);
          if (c.ok && c.kind != CandKind::kPronoun) {
            Quote q;
            q.begin = W(c.first).begin;
            q.end = W(c.last - 1).end;
            q.kind = QuoteKind::kIndirect;
            out->push_back(std::move(q));
          }
        }
        continue;
      }
      if (rw.think) {
        ThinkClause(vi, se, passive, subject, out);
        continue;
      }
      // A finding: "(that) CLAUSE" after any subject; a bare complement after a poll or study.
      if (passive || T(vi) == "shown") continue;
      Cand subj = SubjectBefore(vi, sb);
      bool source = subj.ok && subj.kind == CandKind::kNominal &&
                    LookupReportWord(T(subj.last - 1)).source;
      if (!source) {
        // "The latest Reuters/Ipsos poll released Friday shows ...", "A 2014 study by Loyola Law
        // School professor Justin Levitt found ...": a poll or study a few words back.
        const Cand found = SourceBefore(vi, sb);
        if (found.ok) {
          subj = found;
          source = true;
        }
      }
      if (!subj.ok) continue;
      const size_t k = SkipAdjuncts(vi + 1, se);
      if (!IsWord(k) || !Outside(k) || W(k).quote >= 0) continue;
      size_t clause = SIZE_MAX;
      if (T(k) == "that") {
        if (!Verb(vi).reports_that) clause = k;  // speech verbs ("suggested that") are done
      } else if (source && !In(T(k), kTimeWords) && !In(T(k), kBe) && T(k) != "up" &&
                 T(k) != "no") {
        clause = k;
      }
      if (clause == SIZE_MAX) continue;
      EmitClause(clause, ClauseEnd(clause, se), subj, AttributionRule::kVerbBefore, 3, out);
    }
  }

  // A paragraph that opens with a label and a colon: a transcript turn outside quotation marks
  // ("TAPPER: Do you think ...", "Q: How did things go for you?", to the paragraph's end) or a
  // headline ("Lynch: No outside influence on FBI probe", "Poll: Wealthy voters abandon ...",
  // "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade", to the sentence's end).
  void LabelQuotes(std::vector<Quote>* out) {
    static constexpr std::string_view kNotLabels[] = {
        "UPDATE", "Update", "NOTE", "Note", "EDITOR'S", "Editor's", "CORRECTION", "Correction",
        "PHOTO", "Photo", "VIDEO", "Video", "WATCH", "Watch", "READ", "Read", "RELATED",
        "Related", "SOURCE", "Source", "Sources", "CONTACT", "Contact", "Follow", "Image",
        "Credit", "Advertisement", "ADVERTISEMENT", "Subscribe", "Sign", "Click", "Tags", "TAGS",
        "Topics", "Share", "Email", "Listen", "LISTEN", "Subject", "Date", "From", "To", "Cc",
        "Sent", "Re", "Disclosure", "Disclaimer", "Warning", "WARNING", "Caption",
        "Transcript", "TRANSCRIPT", "BREAKING", "Breaking", "EXCLUSIVE", "Exclusive",
        "CLARIFICATION", "Clarification", "Revealed", "REVEALED", "Wow", "WOW", "Paid"};
    const size_t n = v.words.size();
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && W(i - 1).paragraph == W(i).paragraph) continue;
      if (!IsWord(i) || !W(i).capitalized || !Outside(i) || In(T(i), kNotLabels)) continue;
      size_t colon = i;
      bool upper = true;
      while (colon < n && colon < i + 4 && IsWord(colon) && Outside(colon) &&
             (W(colon).capitalized || T(colon) == "to")) {
        for (char c : T(colon)) upper = upper && !(c >= 'a' && c <= 'z');
        ++colon;
      }
      if (!IsPunct(colon, ":") || colon + 1 >= n || W(colon + 1).paragraph != W(i).paragraph) {
        continue;
      }
      Cand label;
      if (upper) {
        label = SpanCand(i, colon, CandKind::kNominal);
      } else if (run_of_word[i] >= 0 && runs[run_of_word[i]].first == i &&
                 (runs[run_of_word[i]].last == colon || T(runs[run_of_word[i]].last) == "to") &&
                 EntityOfRun(run_of_word[i]) >= 0 &&
                 (ent_type[EntityOfRun(run_of_word[i])] == "PER" ||
                  ent_type[EntityOfRun(run_of_word[i])] == "ORG")) {
        label = RunCand(run_of_word[i]);
      } else if (colon == i + 1 && LookupReportWord(T(i)).source) {
        label = SpanCand(i, colon, CandKind::kNominal);
      }
      if (!label.ok) continue;
      size_t end = colon + 1;
      if (upper) {
        while (end < n && end < colon + 600 && W(end).paragraph == W(i).paragraph) ++end;
      } else {
        end = v.sentence_first[W(colon).sentence + 1];
        if (end > colon + 160) continue;  // a headline is short; keeps this linear
      }
      while (end > colon + 1 && !(IsWord(end - 1) || W(end - 1).kind == WordKind::kPossessive ||
                                  IsPunct(end - 1, ")") || IsPunct(end - 1, "%"))) {
        --end;
      }
      EmitClause(colon + 1, end, label, AttributionRule::kVerbBefore, 3, out);
    }
  }

  // "In this poll, Trump rose 1 point ...", "In the survey, CLAUSE": a sentence opening with a
  // poll or study reports the rest of it.
  void InSourceQuotes(std::vector<Quote>* out) {
    for (size_t s = 0; s + 1 < v.sentence_first.size(); ++s) {
      const size_t sb = v.sentence_first[s], se = v.sentence_first[s + 1];
      if (se - sb > 160 || !IsWord(sb) || T(sb) != "In" || !Outside(sb)) continue;
      size_t m = sb + 1;
      while (m < se && m < sb + 9 && IsWord(m) && Outside(m)) ++m;
      if (!IsPunct(m, ",") || m < sb + 2 || !LookupReportWord(T(m - 1)).source) continue;
      const Cand src = SpanCand(sb + 1, m, CandKind::kNominal);
      EmitClause(m + 1, ClauseEnd(m + 1, se), src, AttributionRule::kAccordingTo, 3, out);
    }
  }

  // True when "asked" at word vi opens an adverbial: "Asked whether ..., Reid said", "When asked
  // if ..., Gale said", "..., said Ben Carson, asked about his claims that ..., ...".
  bool FrontedAsk(size_t vi, size_t sb) const {
    if (T(vi) != "asked" && T(vi) != "Asked") return false;
    if (vi == sb) return true;
    if (IsPunct(vi - 1, ",")) return true;
    return IsWord(vi - 1) && (T(vi - 1) == "When" || T(vi - 1) == "when") &&
           (vi - 1 == sb || IsPunct(vi - 2, ","));
  }

  // The question of a fronted "asked": "whether ...", "if ...", or what follows "about", to the
  // next comma; PolNeAR gives it no speaker (the asker is not named).
  void FrontedAskQuotes(std::vector<Quote>* out) {
    static constexpr std::string_view kWh[] = {"whether", "if", "why", "how", "what", "when",
                                               "where", "who"};
    const size_t n = v.words.size();
    for (size_t vi = 0; vi < n; ++vi) {
      if (!IsWord(vi) || W(vi).in_quote) continue;
      const uint32_t s = W(vi).sentence;
      const size_t sb = v.sentence_first[s], se = v.sentence_first[s + 1];
      if (se - sb > 160 || !FrontedAsk(vi, sb)) continue;
      size_t m = vi + 1;
      if (IsWord(m) && T(m) == "by") {  // "When asked by a reporter whether ..."
        const size_t stop = m + 7;
        while (m < se && m < stop && IsWord(m) && !In(T(m), kWh)) ++m;
      }
      size_t clause = SIZE_MAX;
      if (IsWord(m) && Outside(m) && In(T(m), kWh)) {
        clause = m;
      } else if (IsWord(m) && T(m) == "about") {
        clause = m + 1;
      }
      if (clause == SIZE_MAX || clause >= se) continue;
      size_t end = clause + 1;
      while (end < se && !IsPunct(end, ",")) ++end;
      if (end >= se) continue;
      EmitClause(clause, end, Cand{}, AttributionRule::kVerbBefore, 2, out);
    }
  }

  // "the group of contests known as Super Tuesday", "the additional week, known as the Golden
  // Week": PolNeAR attributes the naming to no one, in two pieces (the thing and its name).
  void KnownAsQuotes(std::vector<Quote>* out) {
    const size_t n = v.words.size();
    for (size_t vi = 1; vi + 2 < n; ++vi) {
      if (!IsWord(vi) || T(vi) != "known" || !IsWord(vi + 1) || T(vi + 1) != "as" ||
          !Outside(vi)) {
        continue;
      }
      // The name: an optional determiner and a capitalized run.
      size_t b = vi + 2;
      if (IsWord(b) && (T(b) == "the" || T(b) == "The")) ++b;
      const int r = b < n ? run_of_word[b] : -1;
      if (r < 0 || runs[r].first != b || W(b).sentence != W(vi).sentence) continue;
      const size_t name_end = runs[r].last;
      // The thing named: a noun phrase back to its determiner, before a comma or right before.
      size_t e = IsPunct(vi - 1, ",") ? vi - 1 : vi;
      size_t f = e;
      const uint32_t s = W(vi).sentence;
      while (f > 0 && e - f < 8 && IsWord(f - 1) && Outside(f - 1) && W(f - 1).sentence == s &&
             (!In(T(f - 1), kNpStop) || T(f - 1) == "of")) {
        --f;
        if (In(T(f), kDeterminers)) break;
      }
      if (f == e || !In(T(f), kDeterminers)) continue;
      Quote thing, name;
      thing.begin = W(f).begin;
      thing.end = W(e - 1).end;
      thing.kind = QuoteKind::kIndirect;
      name.begin = W(vi + 2).begin;
      name.end = W(name_end - 1).end;
      name.kind = QuoteKind::kIndirect;
      out->push_back(std::move(thing));
      out->push_back(std::move(name));
    }
  }

  std::vector<Quote> IndirectQuotes() {
    std::vector<Quote> out;
    AccordingToQuotes(&out);
    KnownAsQuotes(&out);
    FrontedAskQuotes(&out);
    InSourceQuotes(&out);
    LabelQuotes(&out);
    ReportWordQuotes(&out);
    const size_t n = v.words.size();
    for (size_t vi = 0; vi < n; ++vi) {
      if (!IsSpeechVerb(vi)) continue;
      if (!Verb(vi).reports_that && T(vi) != "asked" && T(vi) != "asks" && T(vi) != "ask" &&
          T(vi) != "asking" && T(vi) != "wondered" && T(vi) != "questioned") {
        continue;
      }
      const bool question_verb = !Verb(vi).reports_that;
      if (question_verb && FrontedAsk(vi, v.sentence_first[W(vi).sentence])) {
        continue;  // FrontedAskQuotes
      }
      // A passive ("he was confirmed 92 to 0", "the votes were reported late") has no speaker
      // before it.
      static constexpr std::string_view kBeForms[] = {"is", "are", "was", "were", "be", "been",
                                                      "being"};
      if (vi > 0 && IsWord(vi - 1) && In(T(vi - 1), kBeForms) &&
          (EndsWith(T(vi), "ed") || T(vi) == "told" || T(vi) == "written" || T(vi) == "said")) {
        continue;
      }
      const uint32_t s = W(vi).sentence;
      const size_t sb = v.sentence_first[s], se = v.sentence_first[s + 1];
      if (se - sb > 160) continue;  // not a sentence a reporter wrote; keeps this linear
      Cand subj = SubjectBefore(vi, sb);
      bool inverted = false;
      if (!subj.ok && vi > 0 && IsPunct(vi - 1, ",")) {
        subj = NounPhraseAt(vi + 1);
        // "…, said X." / "…, said X, the spokesman": the phrase ends the clause.
        inverted = subj.ok && (subj.last >= se || !IsWord(subj.last));
        // "…, said one GOP source in the room.": a short prepositional phrase ends the clause.
        static constexpr std::string_view kPreps[] = {"in", "of", "for", "at", "with", "from",
                                                      "close", "familiar", "on"};
        if (subj.ok && !inverted && In(T(subj.last), kPreps)) {
          size_t m = subj.last + 1;
          while (m < se && m < subj.last + 8 && IsWord(m) && Outside(m) && !Verb(m).is_verb &&
                 !In(T(m), kNpStop)) {
            ++m;
          }
          inverted = m >= se || (IsPunct(m, ".") && m + 1 >= se);
        }
        // "…, said Democratic strategist Hank Sheinkopf.": a title before the name.
        if (subj.ok && !inverted && subj.kind == CandKind::kName && IsLowerWord(subj.last)) {
          size_t m = subj.last;
          while (m < se && m < subj.last + 4 && IsLowerWord(m) && Outside(m) &&
                 !Verb(m).is_verb && !In(T(m), kNpStop)) {
            ++m;
          }
          const int r = m < se ? run_of_word[m] : -1;
          if (r >= 0 && runs[r].first == m && !runs[r].possessive &&
              (runs[r].last >= se || !IsWord(runs[r].last))) {
            subj = RunCand(r);
            inverted = true;
          }
        }
        if (!inverted) subj = Cand{};
      }
      if (!subj.ok && EndsWith(T(vi), "ing") && vi > 0 && IsPunct(vi - 1, ",")) {
        for (size_t m = vi; m > sb && !subj.ok;) {
          --m;
          if (IsSpeechVerb(m)) subj = SubjectBefore(m, sb);
        }
        if (!subj.ok) subj = SentenceSubject(sb, vi);
      }
      // A subject the rules cannot pin down ("Rep. X (Mich.), a superdelegate supporting Y,
      // said ..."): the sentence's subject, else the report without a speaker. Only after a form
      // that cannot be a noun ("said", "noted"; not "states", "report", "tweet"), and not in
      // `"…," said X, the spokesman`, where the words after the verb are the speaker.
      static constexpr std::string_view kFiniteForms[] = {"said", "says", "told", "tells",
                                                          "wrote", "writes"};
      if (!subj.ok) {
        // "proponents of more controls on hate speech here say there is ...", but not "to say".
        const bool finite_say = T(vi) == "say" && vi > sb && IsLowerWord(vi - 1) &&
                                T(vi - 1) != "to" && T(vi - 1) != "let" && !In(T(vi - 1), kAdverbs);
        if (!In(T(vi), kFiniteForms) && !EndsWith(T(vi), "ed") && !finite_say) continue;
        if (vi > 1 && (W(vi - 1).kind == WordKind::kCloseQuote ||
                       (IsPunct(vi - 1, ",") && W(vi - 2).kind == WordKind::kCloseQuote))) {
          continue;
        }
        subj = SentenceSubject(sb, vi);
      }
      const bool no_speaker = !subj.ok;
      // Clause after the verb.
      size_t clause = SIZE_MAX;
      if (!inverted) {
        const bool tell = In(T(vi), kTellVerbs);
        size_t k = SkipAdjuncts(vi + 1, se);
        // "said there needs to be a law that ...": a clause that opens with a subject pronoun
        // starts right there; a later "that" is its own.
        static constexpr std::string_view kSubjectPronouns[] = {"he", "she", "they", "we", "I",
                                                                "there", "you"};
        const bool pronoun_clause = !question_verb && !tell && IsWord(k) && Outside(k) &&
                                    W(k).quote < 0 && In(T(k), kSubjectPronouns);
        for (size_t m = k; !question_verb && !pronoun_clause && m < se && m < k + (tell ? 14 : 8);
             ++m) {
          if (!Outside(m) || W(m).quote >= 0) {
            if (tell) continue;  // `told MSNBC's "Morning Joe" that ...`
            break;
          }
          if (IsPunct(m, ".") || IsPunct(m, ";") || IsPunct(m, ":")) break;
          if (IsWord(m) && T(m) == "that") {
            clause = m;
            break;
          }
        }
        static constexpr std::string_view kNotClauseStart[] = {
            "is", "are", "was", "were", "has", "have", "had", "and", "or", "but", "to", "of",
            "be", "been", "being", "not", "will", "would", "can", "could", "should", "may",
            "might", "must", "do", "does", "did", "goodbye", "hello", "thanks", "sorry", "so",
            "yes", "no", "such", "like", "including", "as", "of", "for", "with", "from", "by"};
        if (clause == SIZE_MAX && !tell && !question_verb && IsWord(k) && Outside(k) &&
            W(k).quote < 0 &&
            (!(In(T(k), kTimeWords) || In(T(k), kNotClauseStart)) ||
             // "said much of his discussion", "said more than 1 million donors", "said no
             // decision had been made", "says such techniques are inhumane"
             ((T(k) == "much" || T(k) == "more" || T(k) == "less" || T(k) == "most") &&
              IsWord(k + 1) && (T(k + 1) == "of" || T(k + 1) == "than")) ||
             ((T(k) == "no" || T(k) == "such") && IsLowerWord(k + 1) && T(k + 1) != "to" &&
              T(k + 1) != "as" && T(k + 1) != "a" && T(k + 1) != "longer" &&
              T(k + 1) != "more")) &&
            !Verb(k).is_verb &&
            !(T(k) == "which" || T(k) == "who") &&
            !((T(k) == "it" || T(k) == "It") && !IsWord(k + 1) &&
              !(k + 1 < se && W(k + 1).kind == WordKind::kPossessive)) &&
            // "had added the additional week", "claimed victory": see TakesObjects.
            !(TakesObjects(T(vi)) && !pronoun_clause &&
              !(run_of_word[k] >= 0 && runs[run_of_word[k]].first == k &&
                IsLowerWord(runs[run_of_word[k]].last)))) {
          clause = k;
        }
        // "asked (him) whether ...": questions reported.
        if (clause == SIZE_MAX && (T(vi) == "asked" || T(vi) == "asks" || T(vi) == "ask" ||
                                   T(vi) == "asking" || T(vi) == "wondered" ||
                                   T(vi) == "questioned")) {
          static constexpr std::string_view kWh[] = {"whether", "if", "why", "how", "what",
                                                     "when", "where", "who"};
          size_t m = k;
          if (IsWord(m) && (T(m) == "him" || T(m) == "her" || T(m) == "them" || T(m) == "me" ||
                            T(m) == "us")) {
            ++m;
          } else if (run_of_word[m] >= 0 && runs[run_of_word[m]].first == m) {
            m = runs[run_of_word[m]].last;
          }
          if (IsWord(m) && In(T(m), kWh) && Outside(m)) clause = m;
        }
        // "told The Huffington Post he's not planning an appeal"
        if (clause == SIZE_MAX && tell && !question_verb && IsWord(k) && Outside(k)) {
          static constexpr std::string_view kObjects[] = {"him", "her", "them", "me", "us"};
          size_t after = SIZE_MAX;
          if (In(T(k), kObjects) ||
              // "told reporters this was the only chance": a bare plural object
              (IsLowerWord(k) && EndsWith(T(k), "s") && !In(T(k), kDeterminers) &&
               IsWord(k + 1) &&
               (In(T(k + 1), kDeterminers) || In(T(k + 1), kPronouns)))) {
            after = k + 1;
          } else {
            const Cand obj = NounPhraseAt(k);
            if (obj.ok && obj.kind != CandKind::kPronoun) after = obj.last;
          }
          if (after != SIZE_MAX) {
            after = SkipAdjuncts(after, se);
            static constexpr std::string_view kClauseStarts[] = {
                "he", "she", "they", "it", "we", "I", "the", "his", "her", "their", "its", "there",
                "this", "these", "those", "some", "many", "most", "nobody", "nothing", "everyone"};
            if (IsWord(after) && Outside(after) && W(after).quote < 0 &&
                (In(T(after), kClauseStarts) ||
                 (run_of_word[after] >= 0 && runs[run_of_word[after]].first == after))) {
              clause = after;
            }
          }
        }
      }
      if (clause != SIZE_MAX &&
          EmitClause(clause, ClauseEnd(clause, se), no_speaker ? Cand{} : subj,
                     AttributionRule::kVerbBefore, 3, &out)) {
        continue;
      }
      if (question_verb || no_speaker) continue;
      // "CLAUSE, X said." / "CLAUSE, said X."
      const size_t subj_start = inverted ? vi : subj.first;
      if (subj_start > sb && IsPunct(subj_start - 1, ",")) {
        size_t tail = inverted ? subj.last : vi + 1;
        // "Too often, Mr. Clarke said, the debate over ...", "The museum, Mr. Obama said, would
        // make ...": both sides of the parenthetical, however short the first.
        const size_t t0 = SkipAdjuncts(tail, se);
        if (IsPunct(t0, ",") && t0 + 1 < se) {
          Quote pre, post;
          if (ClauseQuote(t0 + 1, se, subj, &post, 2)) {
            if (ClauseQuote(sb, subj_start - 1, subj, &pre, 1)) out.push_back(pre);
            out.push_back(post);
          }
          continue;
        }
        if (subj_start <= sb + 3) continue;
        // "Asked whether ..., Reid said": the question is not Reid's (FrontedAskQuotes).
        if (FrontedAsk(sb, sb) || (sb + 1 < se && FrontedAsk(sb + 1, sb))) continue;
        int tail_words = 0;
        bool has_that = false;
        for (size_t m = tail; m < se; ++m) {
          if (IsWord(m)) ++tail_words;
          if (IsWord(m) && T(m) == "that") has_that = true;
        }
        if (has_that || tail_words > 8) continue;
        size_t end = subj_start - 1;
        bool has_quote = false;
        int words = 0;
        for (size_t m = sb; m < end; ++m) {
          if (W(m).quote >= 0 || W(m).in_quote) has_quote = true;
          if (IsWord(m)) ++words;
        }
        if (has_quote || words < 4) continue;
        size_t begin = sb;
        Quote q;
        q.begin = W(begin).begin;
        q.end = W(end - 1).end;
        q.kind = QuoteKind::kIndirect;
        Attribution a = Resolve(subj, AttributionRule::kAdjacent);
        q.has_speaker = a.has_speaker;
        q.speaker = a.speaker;
        q.speaker_name = a.name;
        out.push_back(std::move(q));
      }
    }
    // One quotation per span, and only the outermost of nested reports ("X said Y hopes that
    // ..." is X's; PolNeAR annotates no nested attributions).
    std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Quote> kept;
    for (Quote& q : out) {
      // Nested: inside the last kept one and reported by its first words.
      if (!kept.empty() && q.end <= kept.back().end && q.begin < kept.back().begin + 40) continue;
      kept.push_back(std::move(q));
    }
    return kept;
  }
};

SpeakerFinder::SpeakerFinder(std::string_view text, const std::vector<QuotedSpan>& spans,
                             const std::vector<Entity>& entities)
    : impl_(std::make_unique<Impl>(text, spans, entities)) {}

SpeakerFinder::~SpeakerFinder() = default;

Attribution SpeakerFinder::Attribute(size_t i) { return impl_->Attribute(i); }

int SpeakerFinder::WordCount(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  int n = 0;
  for (size_t k = first; k < last; ++k) {
    if (impl_->IsWord(k)) ++n;
  }
  return n;
}

bool SpeakerFinder::LooksLikeTitle(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  static constexpr std::string_view kSmall[] = {"of", "the", "a", "an", "and", "in", "on", "for",
                                                "to", "at", "by", "with", "or", "from", "is"};
  int words = 0;
  // Punctuation at the very end ("on “Fox & Friends,” he said") belongs to the sentence.
  size_t end = last;
  if (end > first && impl_->W(end - 1).kind == WordKind::kCloseQuote) --end;
  while (end > first && impl_->W(end - 1).kind == WordKind::kPunct &&
         (impl_->T(end - 1) == "," || impl_->T(end - 1) == ".")) {
    --end;
  }
  for (size_t k = first; k < end; ++k) {
    if (impl_->W(k).kind == WordKind::kPunct) {
      const std::string_view t = impl_->T(k);
      if (t == "." || t == "," || t == "?" || t == "!") return false;
      continue;
    }
    if (!impl_->IsWord(k)) continue;
    ++words;
    if (!impl_->W(k).capitalized && !In(impl_->T(k), kSmall) && !impl_->IsDigitWord(k)) {
      return false;
    }
  }
  return words > 0;
}

bool SpeakerFinder::SoundsSpoken(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  static constexpr std::string_view kPersonal[] = {
      "i", "you", "we", "me", "us", "my", "our", "your", "i'm", "we're", "you're", "i've",
      "we've", "i'll", "we'll", "i'd", "we'd", "i\xE2\x80\x99m", "we\xE2\x80\x99re",
      "you\xE2\x80\x99re", "i\xE2\x80\x99ve", "we\xE2\x80\x99ve", "i\xE2\x80\x99ll",
      "we\xE2\x80\x99ll", "i\xE2\x80\x99" "d", "we\xE2\x80\x99" "d"};
  std::string buf;
  for (size_t k = first; k < last; ++k) {
    if (!impl_->IsWord(k)) continue;
    const std::string_view w = ToLowerAscii(impl_->T(k), &buf);
    if (In(w, kPersonal)) return true;
    if (EndsWith(w, "n't") || EndsWith(w, "n\xE2\x80\x99t")) return true;
  }
  return false;
}

bool SpeakerFinder::IntroducedAsSpeech(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  if (first == 0) return false;
  const size_t k = first - 1;
  if (impl_->IsWord(k)) return impl_->T(k) == "that" || impl_->IsSpeechVerb(k);
  if (impl_->IsPunct(k, ",") && k > 0 && impl_->IsSpeechVerb(k - 1)) return true;  // said, "…"
  return impl_->IsPunct(k, ":");
}

bool SpeakerFinder::IsPartial(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  const auto word_like = [this](size_t k) {
    return impl_->W(k).kind == WordKind::kWord || impl_->W(k).kind == WordKind::kPossessive;
  };
  // Woven in before: `the "pattern of Russian aggression"`; but a quotation right after the verb
  // that introduces it is whole (`called it "a disaster"` is, `called "a disaster"` is not).
  static constexpr std::string_view kNaming[] = {"called", "named", "dubbed", "nicknamed",
                                                 "labeled", "labelled", "titled", "entitled"};
  std::string buf;
  // `what it called "a clear threat"` is the writer's phrase again.
  const auto what_before = [this](size_t k) {
    for (size_t m = k; m > 0 && k - m < 3;) {
      --m;
      if (impl_->T(m) == "what") return true;
    }
    return false;
  };
  if (first > 0 && word_like(first - 1) &&
      impl_->W(first - 1).paragraph == impl_->W(first).paragraph &&
      ((!In(ToLowerAscii(impl_->T(first - 1), &buf), kNaming) &&
        !impl_->IsSpeechVerb(first - 1)) ||
       what_before(first - 1))) {
    for (size_t j = first + 1; j < last; ++j) {
      if (impl_->IsWord(j)) {
        if (!impl_->W(j).capitalized && !impl_->IsDigitWord(j)) return true;
        break;
      }
    }
  }
  // Woven in after: `"…intervention" by the United States`.
  const int close = impl_->v.quote_close_word[i];
  if (close <= 0) return false;
  const size_t c = static_cast<size_t>(close);
  if (c + 1 >= impl_->v.words.size() || !impl_->IsWord(c + 1)) return false;
  const bool comma = impl_->IsPunct(c - 1, ",");
  if (!impl_->IsWord(c - 1) && !comma) return false;
  const Word& after = impl_->W(c + 1);
  if (after.paragraph != impl_->W(c).paragraph || after.capitalized || impl_->IsDigitWord(c + 1)) {
    return false;
  }
  // Words that start an attribution after a quotation.
  static constexpr std::string_view kAttributionStart[] = {
      "he", "she", "they", "it", "we", "you", "the", "a", "an", "his", "her", "their", "its",
      "our", "one", "another", "according", "both", "two", "three", "some", "several", "many",
      "officials", "aides", "experts", "critics", "supporters", "this", "these"};
  if (In(ToLowerAscii(impl_->T(c + 1), &buf), kAttributionStart)) return false;
  // After a comma the words that follow are often a speaker ("…," former congressman X said):
  // partial only when no speech verb follows in the next few words of the sentence.
  const size_t stop = std::min(impl_->v.words.size(), c + (comma ? 12 : 2));
  for (size_t k = c + 1; k < stop && impl_->W(k).sentence == impl_->W(c).sentence; ++k) {
    if (impl_->W(k).quote >= 0) break;
    if (impl_->IsSpeechVerb(k)) return false;
  }
  return true;
}

bool SpeakerFinder::OpensSentence(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  if (first == 0) return true;
  const Word& before = impl_->W(first - 1);
  const Word& open = impl_->W(first);
  if (before.paragraph != open.paragraph || before.sentence != open.sentence) return true;
  return impl_->IsPunct(first - 1, ".") || impl_->IsPunct(first - 1, "?") ||
         impl_->IsPunct(first - 1, "!");
}

bool SpeakerFinder::IsNamed(size_t i) const {
  size_t first, last;
  impl_->SpanWords(i, &first, &last);
  if (first == 0 || !impl_->IsWord(first - 1)) return false;
  static constexpr std::string_view kNaming[] = {"titled",   "entitled",  "called",
                                                 "named",    "dubbed",    "nicknamed",
                                                 "headlined", "labeled",  "labelled"};
  std::string buf;
  if (!In(ToLowerAscii(impl_->T(first - 1), &buf), kNaming)) return false;
  for (size_t j = first + 1; j < last; ++j) {
    if (impl_->IsWord(j)) return impl_->W(j).capitalized;
  }
  return false;
}

std::vector<Quote> SpeakerFinder::IndirectQuotes() { return impl_->IndirectQuotes(); }

}  // namespace byline
