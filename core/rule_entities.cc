// The rule-based entity finder, in three passes over a document:
//
//   1. evidence: which capitalized words also appear capitalized in the middle of a sentence, and
//      which appear in lower case (so "Speaking" at the start of a sentence is not a name);
//   2. runs: maximal sequences of capitalized words (with "of" after "Bank", particles like "van",
//      "de"), each typed by cue words: a title before a name ("President Vladimir Putin" gives PER
//      "Vladimir Putin"), an organization word at the end ("Bank of England", "Apple Inc."), a place
//      or demonym from the built-in lists, an acronym (NATO);
//   3. memory: runs no cue typed take the type the same name got elsewhere in the document
//      ("Stoltenberg" after "Jens Stoltenberg"), else a guess from their shape and neighbours.
//
// The word lists live in data/*.txt, compiled into core/rule_words.inc by scripts/gen_rule_words.js.
#include "core/rule_entities.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/lexicon.h"
#include "core/offsets.h"

namespace byline {
namespace {

#include "core/rule_words.inc"

using WordSet = std::unordered_set<std::string_view>;

void AddLines(std::string_view list, WordSet* set) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find('\n', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) set->insert(list.substr(start, end - start));
    start = end + 1;
  }
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// ASCII case folding into an owned string (names are short; used for place look-ups only).
std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Lexicon {
  std::unordered_set<std::string> places;  // case-folded, words joined by one space
  WordSet demonyms, titles, org_words, misc_words, loc_last, loc_first, stopwords;
};

const Lexicon& Words() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon;
    WordSet places;
    AddLines(kPlaces, &places);
    for (std::string_view p : places) lex->places.insert(Fold(p));
    AddLines(kDemonyms, &lex->demonyms);
    AddLines(kPersonTitles, &lex->titles);
    AddLines(kOrgWords, &lex->org_words);
    AddLines(kMiscWords, &lex->misc_words);
    AddLines(kCapitalizedStopwords, &lex->stopwords);
    WordSet loc;
    AddLines(kLocWords, &loc);
    for (std::string_view w : loc) {
      if (w.back() == '>') {
        lex->loc_first.insert(w.substr(0, w.size() - 1));
      } else {
        lex->loc_last.insert(w);
      }
    }
    return lex;
  }();
  return *lexicon;
}

// Upper-case first letters in Latin, Greek and Cyrillic scripts (close enough for names).
bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp >= 0x178 && cp <= 0x17E) return cp == 0x178 || cp % 2 == 1;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

// Months and weekdays are dates (core/quantities.cc), not names. The ambiguous ones may still
// continue a name ("Theresa May", "April Ryan").
const WordSet& DateWords() {
  static const WordSet* set = new WordSet{
      "January", "February", "March",    "April",  "May",      "June",   "July",
      "August",  "September", "October", "November", "December", "Monday", "Tuesday",
      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Jan.", "Feb", "Feb.",
      "Mar", "Mar.", "Apr", "Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.", "Sep", "Sep.",
      "Sept", "Sept.", "Oct", "Oct.", "Nov", "Nov.", "Dec", "Dec."};
  return *set;
}
bool ContinuesNameOnly(std::string_view w) {
  return w == "May" || w == "March" || w == "April" || w == "June" || w == "August";
}

// Lower-case words allowed inside a name when capitalized words follow.
bool IsParticle(std::string_view w) {
  static const WordSet* set = new WordSet{"de", "da", "di", "del", "della", "van", "von", "der",
                                          "den", "la", "le", "du", "bin", "ibn", "al", "dos",
                                          "das", "el", "&"};
  return set->count(w) > 0;
}

// Words after which "of" continues a name: "Bank of England", "Republic of Ireland".
bool TakesOf(std::string_view w) {
  static const WordSet* set = new WordSet{
      "Bank",   "University", "Ministry", "Department", "Republic",  "Kingdom",    "States",
      "Gulf",   "Sea",        "Bay",      "Isle",       "Strait",    "Institute",  "College",
      "Council", "Organization", "Organisation", "Association", "Federation", "Union",
      "Academy", "Court",     "Church",   "Commission", "Office",    "Board",      "Cape",
      "Museum", "School",     "Party",    "Chamber",    "League",    "Society"};
  return set->count(w) > 0;
}

// Acronyms that are not organizations.
bool IsNonOrgAcronym(std::string_view w) {
  static const WordSet* set = new WordSet{
      "I",   "II",  "III", "IV",  "VI",  "TV",  "CEO", "CFO", "MP",  "MPs", "MEP", "GDP", "AM",
      "PM",  "OK",  "PC",  "DVD", "CD",  "GMT", "BST", "UTC", "HIV", "AIDS", "DNA", "IT", "AI",
      "ID",  "VAT", "PR",  "CCTV", "UFO", "USB", "PhD", "MBA", "FAQ", "CV", "RIP", "ET", "EST",
      "A",   "Q",   "US",  "UK"};
  return set->count(w) > 0;
}

std::string_view StripPeriod(std::string_view w) {
  return w.size() > 1 && w.back() == '.' ? w.substr(0, w.size() - 1) : w;
}

bool IsTitleWord(std::string_view w) {
  const Lexicon& lex = Words();
  return lex.titles.count(w) > 0 || lex.titles.count(StripPeriod(w)) > 0;
}

// Words that are part of a title only before another title word: "Foreign Minister", not
// "Foreign Office"; "Prime Minister", not "Prime Video".
bool IsTitleModifier(std::string_view w) {
  static const WordSet* set = new WordSet{
      "Foreign", "Defence", "Defense", "Interior", "Finance", "Health", "Home", "Deputy", "Vice",
      "Prime",   "Crown",   "Field",   "Chief",    "Executive", "Trade",   "Economy", "Education",
      "Energy",  "Culture", "Transport", "Environment", "Labour", "Work", "Security"};
  return set->count(w) > 0;
}

bool IsOrgWord(std::string_view w) {
  const Lexicon& lex = Words();
  return lex.org_words.count(w) > 0 || lex.org_words.count(StripPeriod(w)) > 0;
}

bool IsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  int letters = 0;
  for (char c : w) {
    if (IsAsciiUpper(c)) {
      ++letters;
    } else if (c != '&' && c != '.') {
      return false;
    }
  }
  return letters >= 2;
}

// Longer runs of capitalized words (tables, headings) are cut: no name is this long, and the
// typing of a run is quadratic in its length.
constexpr uint32_t kMaxRunTokens = 12;

// A piece of a run with its type ("" while unknown).
struct Piece {
  uint32_t first = 0;  // token indices, half-open
  uint32_t last = 0;
  const char* type = "";
  bool initial = false;  // starts a sentence or a headline: capitalization proves nothing
  bool shouted = false;  // in an ALL-CAPS line: a name only if the text also writes it normally
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& tokens,
         const std::vector<Sentence>& sentences)
      : text_(text), tokens_(tokens), sentences_(sentences), lex_(Words()) {}

  std::vector<Entity> Run() {
    capitalized_.assign(tokens_.size(), false);
    for (size_t i = 0; i < tokens_.size(); ++i) capitalized_[i] = IsCapitalized(i);
    CollectEvidence();
    for (const Sentence& s : sentences_) FindRuns(s);
    Resolve();
    std::vector<Entity> out;
    for (const Piece& p : pieces_) {
      if (*p.type == '\0' || p.first >= p.last) continue;
      out.push_back({tokens_[p.first].begin, tokens_[p.last - 1].end, p.type});
    }
    std::sort(out.begin(), out.end(),
              [](const Entity& a, const Entity& b) { return a.begin < b.begin; });
    return out;
  }

 private:
  std::string_view Word(size_t i) const {
    const Token& t = tokens_[i];
    return text_.substr(t.begin, t.end - t.begin);
  }

  bool IsCapitalized(size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kWord || t.end > text_.size() || t.begin >= t.end) return false;
    char32_t cp = 0;
    if (DecodeUtf8(text_, t.begin, &cp) == 0) return false;
    return IsUpperCodePoint(cp);
  }

  // Token i is a title word: "President", "Dr.", or "Foreign" in "Foreign Minister".
  bool IsTitle(size_t i) const {
    std::string_view w = Word(i);
    if (IsTitleWord(w)) return true;
    return IsTitleModifier(w) && i + 1 < tokens_.size() && IsTitle(i + 1);
  }

  bool IsLowerWord(size_t i) const {
    return tokens_[i].kind == TokenKind::kWord && IsAsciiLower(text_[tokens_[i].begin]);
  }

  // Sentences where most words are capitalized are headlines: capitalization proves nothing there.
  bool IsHeadline(const Sentence& s) const {
    int words = 0, caps = 0;
    for (uint32_t i = s.first_token; i < s.last_token && i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kWord) continue;
      ++words;
      if (capitalized_[i]) ++caps;
    }
    return words >= 4 && caps * 10 > words * 6;
  }

  // Token i opens a sentence or a quotation: its capital letter may be grammar, not a name.
  bool IsInitial(const Sentence& s, size_t i) const {
    for (size_t j = i; j > s.first_token;) {
      --j;
      const Token& t = tokens_[j];
      if (t.kind == TokenKind::kQuote) {
        if (t.space_before) return true;  // an opening quotation mark
        continue;                         // a closing one: look further back
      }
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return false;
      std::string_view w = Word(j);
      if (w == ":" || w == "-" || w == "—" || w == "–" || w == "|") return true;
    }
    return true;
  }

  void CollectEvidence() {
    for (const Sentence& s : sentences_) {
      bool headline = IsHeadline(s);
      for (uint32_t i = s.first_token; i < s.last_token && i < tokens_.size(); ++i) {
        if (IsLowerWord(i)) {
          seen_lower_.insert(Word(i));
        } else if (capitalized_[i] && !headline && !IsInitial(s, i)) {
          seen_capitalized_.insert(Word(i));
        }
      }
    }
  }

  bool SeenLower(std::string_view w) const {
    std::string folded = Fold(w);
    return seen_lower_.count(folded) > 0;
  }

  // A token that may be part of a name.
  bool NameToken(size_t i) const {
    if (!capitalized_[i]) return false;
    std::string_view w = Word(i);
    if (lex_.stopwords.count(w) > 0) return false;
    if (DateWords().count(w) > 0) return false;
    return true;
  }

  // Sentences written mostly in capitals.
  bool IsShouting(const Sentence& s) const {
    int words = 0, shouted = 0;
    for (uint32_t i = s.first_token; i < s.last_token && i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kWord) continue;
      ++words;
      std::string_view w = Word(i);
      if (w.size() >= 2 && IsAcronym(w.substr(0, std::min<size_t>(w.size(), 6)))) ++shouted;
    }
    return words >= 2 && shouted * 10 > words * 6;
  }

  void FindRuns(const Sentence& s) {
    const bool headline = IsHeadline(s);
    shouting_ = IsShouting(s);
    const uint32_t end = std::min<uint32_t>(s.last_token, static_cast<uint32_t>(tokens_.size()));
    uint32_t i = s.first_token;
    while (i < end) {
      // A month or weekday may start an organization's name: "Sunday Times" (see TypeRun).
      bool starts = NameToken(i) || (capitalized_[i] && DateWords().count(Word(i)) > 0 &&
                                     i + 1 < end && NameToken(i + 1));
      if (!starts) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (j < end && j - i < kMaxRunTokens) {
        if (NameToken(j) || (capitalized_[j] && ContinuesNameOnly(Word(j)))) {
          ++j;
        } else if (j + 1 < end && NameToken(j + 1) && Word(j) == "of" && TakesOf(Word(j - 1))) {
          j += 2;
        } else if (IsParticle(Word(j))) {  // "Jean de la Fontaine"
          uint32_t k = j;
          while (k < end && k < j + 3 && IsParticle(Word(k))) ++k;
          if (k == end || !NameToken(k)) break;
          j = k + 1;
        } else {
          break;
        }
      }
      TypeRun(i, j, headline || IsInitial(s, i));
      i = j;
    }
  }

  bool IsPlace(uint32_t first, uint32_t last) const {
    if (last - first > 6) return false;  // the longest place names have 5 words
    std::string joined;
    for (uint32_t k = first; k < last; ++k) {
      if (k > first) joined += ' ';
      joined += Word(k);
    }
    return lex_.places.count(Fold(joined)) > 0;
  }

  bool IsDemonym(uint32_t first, uint32_t last) const {
    if (last - first == 1) {
      std::string_view w = Word(first);
      if (lex_.demonyms.count(w) > 0) return true;
      // Plurals: "Americans", "Iraqis".
      return w.size() > 4 && w.back() == 's' && lex_.demonyms.count(w.substr(0, w.size() - 1)) > 0;
    }
    if (last - first == 2) {
      std::string joined = std::string(Word(first)) + " " + std::string(Word(first + 1));
      return lex_.demonyms.count(joined) > 0;
    }
    return false;
  }

  // The words after a title look like a person's name: a few capitalized words, no cue for
  // anything else.
  bool LooksLikePerson(uint32_t first, uint32_t last) const {
    if (last - first > 4) return false;
    if (IsOrgWord(Word(last - 1)) || lex_.misc_words.count(Word(last - 1)) > 0 ||
        lex_.loc_last.count(Word(last - 1)) > 0) {
      return false;
    }
    if (IsPlace(first, last) || IsDemonym(first, last)) return false;
    for (uint32_t k = first; k < last; ++k) {
      if (IsTitle(k)) return false;
    }
    // "Ministers of Foreign Affairs": one word the text also writes in lower case is no name.
    if (last - first == 1 && SeenLower(Word(first))) return false;
    return true;
  }

  // One capitalized word that only says what kind of name it belongs to, or a single letter.
  bool IsLoneCueWord(uint32_t i) const {
    std::string_view w = Word(i);
    if (StripPeriod(w).size() == 1) return true;
    if (IsOrgWord(w) || lex_.misc_words.count(w) > 0 || lex_.loc_last.count(w) > 0) return true;
    if (w.size() > 3 && w.back() == 's' && IsTitleWord(w.substr(0, w.size() - 1))) return true;
    return false;
  }

  // Places joined by hyphens: "Russia-Ukraine" (war), "Franco-German" is not one.
  bool IsPlacePair(std::string_view w) const {
    if (w.find('-') == std::string_view::npos) return false;
    size_t start = 0;
    while (true) {
      size_t end = w.find('-', start);
      std::string_view part = w.substr(start, end == std::string_view::npos ? w.npos : end - start);
      if (lex_.places.count(Fold(part)) == 0) return false;
      if (end == std::string_view::npos) return true;
      start = end + 1;
    }
  }

  void Add(uint32_t first, uint32_t last, const char* type, bool initial) {
    if (first < last) pieces_.push_back({first, last, type, initial});
  }

  void TypeRun(uint32_t first, uint32_t last, bool initial) {
    if (first >= last) return;
    const uint32_t n = last - first;
    // A title before a name: "NATO Secretary-General Jens Stoltenberg".
    for (uint32_t t = last - 1; t-- > first;) {
      if (!IsTitle(t) || IsTitle(t + 1) || !LooksLikePerson(t + 1, last)) continue;
      uint32_t chain = t;
      while (chain > first && IsTitle(chain - 1)) --chain;
      TypeRun(first, chain, initial);
      Add(t + 1, last, "PER", false);
      return;
    }
    bool all_titles = true;
    for (uint32_t k = first; k < last; ++k) all_titles = all_titles && IsTitle(k);
    if (all_titles) return;
    if (shouting_) {  // ALL-CAPS lines: only places, and names the text writes normally elsewhere
      for (uint32_t i = first; i < last;) {
        uint32_t k = std::min(last, i + 4);
        while (k > i + 1 && !IsPlace(i, k)) --k;
        if (IsPlace(i, k)) {
          Add(i, k, "LOC", false);
        } else {
          pieces_.push_back({i, k, "", true, true});
        }
        i = k;
      }
      return;
    }

    std::string_view head = Word(first), tail = Word(last - 1);
    if (DateWords().count(head) > 0) {  // "Sunday Times", but "September Bund", "Friday Mitchell"
      if (n >= 2 && IsOrgWord(tail)) return Add(first, last, "ORG", false);
      return TypeRun(first + 1, last, initial);
    }
    if (IsPlace(first, last)) return Add(first, last, "LOC", false);
    if (IsDemonym(first, last)) return Add(first, last, "MISC", false);
    if (n >= 2 && (IsOrgWord(tail) || (n >= 3 && IsOrgWord(head) && Word(first + 1) == "of"))) {
      return Add(first, last, "ORG", false);
    }
    for (uint32_t k = std::min(last - 1, first + 3); k > first; --k) {  // "U.S. Labor Day"
      if (IsPlace(first, k)) {
        if (k + 1 == last && lex_.misc_words.count(tail) > 0) {  // "U.S. Open"
          return Add(first, last, "MISC", false);
        }
        Add(first, k, "LOC", false);
        return TypeRun(k, last, false);
      }
    }
    if (n >= 2 && lex_.misc_words.count(tail) > 0) return Add(first, last, "MISC", false);
    if (n >= 2 && (lex_.loc_last.count(tail) > 0 || lex_.loc_first.count(head) > 0)) {
      return Add(first, last, "LOC", false);
    }
    if (n >= 2 && IsPlace(last - 1, last)) return Add(first, last, "ORG", false);  // Air France
    if (n >= 2 && IsDemonym(first, first + 1)) {  // "Russian Vladimir Putin"
      Add(first, first + 1, "MISC", false);
      return TypeRun(first + 1, last, false);
    }
    if (n == 1 && IsAcronym(head)) {
      if (IsNonOrgAcronym(head)) return;
      return Add(first, last, "ORG", false);
    }
    if (n == 1 && head.size() > 6 && IsAcronym(head.substr(0, 6))) return;  // SHOUTING
    if (n == 1 && IsLoneCueWord(first)) return;  // "Summit", "Ministers"
    if (n == 1 && IsPlacePair(head)) return Add(first, last, "MISC", false);
    // "Long-term support...": a sentence's first word that the text also uses in lower case.
    if (initial && SeenLower(head)) return TypeRun(first + 1, last, false);
    Add(first, last, "", initial);
  }

  std::string Surface(const Piece& p) const {
    std::string s;
    for (uint32_t k = p.first; k < p.last; ++k) {
      if (k > p.first) s += ' ';
      s += Word(k);
    }
    return s;
  }

  // Names without a cue: what the document called them elsewhere (in any case), else a guess.
  void Resolve() {
    std::unordered_map<std::string, const char*> known;  // folded surface -> type
    std::unordered_map<std::string, const char*> known_person_words;
    for (const Piece& p : pieces_) {
      if (*p.type == '\0') continue;
      known.emplace(Fold(Surface(p)), p.type);
      if (std::string_view(p.type) == "PER") {
        known_person_words.emplace(Fold(Word(p.last - 1)), p.type);
        if (p.last - p.first >= 2) known_person_words.emplace(Fold(Word(p.first)), p.type);
      }
    }
    // Multi-word names with no cue are taken for people; remember their words too.
    for (Piece& p : pieces_) {
      if (*p.type != '\0' || p.last - p.first < 2) continue;
      auto it = known.find(Fold(Surface(p)));
      if (it != known.end()) {
        p.type = it->second;
      } else if (!p.shouted && p.last - p.first <= 3) {
        p.type = GuessSeveral(p);
        if (std::string_view(p.type) == "PER") {
          known_person_words.emplace(Fold(Word(p.last - 1)), p.type);
        }
      }
    }
    for (Piece& p : pieces_) {
      if (*p.type != '\0' || p.last - p.first != 1) continue;
      std::string_view w = Word(p.first);
      std::string folded = Fold(w);
      auto it = known.find(folded);
      if (it != known.end()) {
        p.type = it->second;
        continue;
      }
      auto person = known_person_words.find(folded);
      if (person != known_person_words.end()) {
        p.type = person->second;
        continue;
      }
      if (p.shouted) continue;
      if (p.initial && (seen_capitalized_.count(w) == 0 || SeenLower(w))) continue;
      p.type = GuessSingle(p.first);
    }
  }

  // A few capitalized words with no cue: a person's name, unless one of them is an acronym
  // ("Microsoft WRAZ-TV") or, when the first is no known first name (core/lexicon.h), a word the
  // text also uses in lower case ("Kill Bill").
  const char* GuessSeveral(const Piece& p) const {
    for (uint32_t k = p.first; k < p.last; ++k) {
      std::string_view w = Word(k);
      if (IsAcronym(w.substr(0, std::min<size_t>(w.size(), 4)))) return "ORG";
    }
    if (FirstNameGender(Word(p.first)) != Gender::kUnknown) return "PER";
    for (uint32_t k = p.first; k < p.last; ++k) {
      if (capitalized_[k] && SeenLower(Word(k))) return "MISC";
    }
    return "PER";
  }

  // One capitalized word with no cue and no earlier mention: its neighbours decide.
  const char* GuessSingle(uint32_t i) const {
    // "President [Vladimir] Putin": a title a few words back, across brackets.
    for (uint32_t j = i, steps = 0; j > 0 && steps < 4; --j, ++steps) {
      std::string_view w = Word(j - 1);
      if (IsTitle(j - 1)) return "PER";
      if (w != "[" && w != "]" && !capitalized_[j - 1]) break;
    }
    if (i > 0) {
      std::string_view prev = Word(i - 1);
      if (prev == "in" || prev == "at" || prev == "from" || prev == "near" || prev == "to" ||
          prev == "across" || prev == "outside" || prev == "into") {
        return "LOC";
      }
    }
    if (i + 1 < tokens_.size()) {
      std::string_view next = Word(i + 1);
      if (next == "said" || next == "says" || next == "told" || next == "added" ||
          next == "wrote" || next == "explained") {
        return "PER";
      }
    }
    if (FirstNameGender(Word(i)) != Gender::kUnknown) return "PER";
    return "ORG";
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  const Lexicon& lex_;
  std::vector<bool> capitalized_;
  bool shouting_ = false;  // the sentence FindRuns() is in is written in capitals
  WordSet seen_lower_, seen_capitalized_;
  std::vector<Piece> pieces_;
};

}  // namespace

std::vector<Entity> FindEntitiesByRules(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences) {
  for (const Token& t : tokens) {
    if (t.begin > t.end || t.end > text.size()) return {};  // tokens of another text
  }
  std::vector<Sentence> checked;
  for (const Sentence& s : sentences) {
    if (s.first_token <= s.last_token && s.last_token <= tokens.size()) checked.push_back(s);
  }
  if (tokens.empty()) return {};
  return Finder(text, tokens, checked).Run();
}

}  // namespace byline
