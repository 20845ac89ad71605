// Dates, times, money, percentages and quantities in three linear passes:
//
//   1. every token gets a one-byte class (month, day number, year, scale word, currency sign, ...):
//      words through a table, numbers and other digit-bearing tokens through an RE2::Set of shapes;
//   2. a few classes are settled from their neighbours ("May" is a month only next to a day number
//      or a year or after "in", "since", ...);
//   3. one RE2 with a capture group per type runs over the class string, leftmost-longest, and each
//      match maps back to the tokens it covers.
#include "core/quantities.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "re2/re2.h"
#include "re2/set.h"

namespace byline {
namespace {

// The token classes: the alphabet of the patterns in Patterns().
//
//   W weekday (Thursday)          M month (April; May/March/Jan. only with date context)
//   D number 1-31                 Y number 1000-2099            N any other number
//   O ordinal (3rd, 20th)         w number word (two, several)  k a / an
//   v few / dozen (after "a")
//   X a whole date in one token (2023-06-01, 1990s, mid-2024, Q3)
//   V a length of time as one adjective (10-year, two-day, 36-year-old)
//   p period (week, years)        h hour(s), minute(s)          s season (summer)
//   L last/next/this/past/coming  g ago                         r earlier / later
//   e early / late / mid          y yesterday / today / tomorrow
//   d morning/afternoon/evening/night                           t tonight / noon / midnight
//   A a.m. / p.m. / o'clock       z time zone (GMT)             H a clock time (3:30, 10am)
//   c ':' inside 10:30            n the                         E end/beginning/start/middle/turn
//   o of                          i first..fourth               j half
//   R - or – between two parts    T 's after a decade (1990's)
//   S scale (million, bn)         B number with scale (600m)    U currency sign ($ € £ US$)
//   K currency code (USD)         C currency noun (dollars)     x US / U.S. (before dollars)
//   Z number with currency sign ($3.5, 50p)
//   P percent / per / pct / %     F cent (after per)            Q percent token (40%)
//   G percentage                  I point(s)
//   u unit (km, degrees)          l square / cubic              f Celsius / Fahrenheit
//   J number with unit (500km)    b counted noun (people, troops)
//   a other plural-looking lower-case word (handsets): counted only after a scale word
//   , comma                       _ anything else
constexpr char kOther = '_';

// How a word-table entry is matched against a token.
enum Case : uint8_t {
  kAnyCase,      // compared lowercased
  kCapitalized,  // first letter must be upper case in the text (months, weekdays)
  kExact,        // compared as written (GMT, US, m)
  kLower,        // first letter must be lower case: words that never start a match ("This
                 // Morning", "50 Cent" and "24 Hour" are names)
};

struct WordClass {
  const char* word;  // lowercase unless kExact
  char cls;
  Case match;
};

// Ambiguous month names get class 'm' here and become 'M' only with date context (see Settle()).
constexpr WordClass kWords[] = {
    // weekdays
    {"monday", 'W', kCapitalized}, {"tuesday", 'W', kCapitalized},
    {"wednesday", 'W', kCapitalized}, {"thursday", 'W', kCapitalized},
    {"friday", 'W', kCapitalized}, {"saturday", 'W', kCapitalized},
    {"sunday", 'W', kCapitalized}, {"mondays", 'W', kCapitalized},
    {"tuesdays", 'W', kCapitalized}, {"wednesdays", 'W', kCapitalized},
    {"thursdays", 'W', kCapitalized}, {"fridays", 'W', kCapitalized},
    {"saturdays", 'W', kCapitalized}, {"sundays", 'W', kCapitalized},
    // months
    {"january", 'M', kCapitalized}, {"february", 'M', kCapitalized},
    {"april", 'M', kCapitalized}, {"june", 'M', kCapitalized},
    {"july", 'M', kCapitalized}, {"august", 'M', kCapitalized},
    {"september", 'M', kCapitalized}, {"october", 'M', kCapitalized},
    {"november", 'M', kCapitalized}, {"december", 'M', kCapitalized},
    {"march", 'm', kCapitalized}, {"may", 'm', kCapitalized},
    {"jan", 'm', kCapitalized}, {"feb", 'm', kCapitalized}, {"mar", 'm', kCapitalized},
    {"apr", 'm', kCapitalized}, {"jun", 'm', kCapitalized}, {"jul", 'm', kCapitalized},
    {"aug", 'm', kCapitalized}, {"sep", 'm', kCapitalized}, {"sept", 'm', kCapitalized},
    {"oct", 'm', kCapitalized}, {"nov", 'm', kCapitalized}, {"dec", 'm', kCapitalized},
    // number words
    {"one", 'w', kAnyCase}, {"two", 'w', kAnyCase}, {"three", 'w', kAnyCase},
    {"four", 'w', kAnyCase}, {"five", 'w', kAnyCase}, {"six", 'w', kAnyCase},
    {"seven", 'w', kAnyCase}, {"eight", 'w', kAnyCase}, {"nine", 'w', kAnyCase},
    {"ten", 'w', kAnyCase}, {"eleven", 'w', kAnyCase}, {"twelve", 'w', kAnyCase},
    {"thirteen", 'w', kAnyCase}, {"fourteen", 'w', kAnyCase}, {"fifteen", 'w', kAnyCase},
    {"sixteen", 'w', kAnyCase}, {"seventeen", 'w', kAnyCase}, {"eighteen", 'w', kAnyCase},
    {"nineteen", 'w', kAnyCase}, {"twenty", 'w', kAnyCase}, {"thirty", 'w', kAnyCase},
    {"forty", 'w', kAnyCase}, {"fifty", 'w', kAnyCase}, {"sixty", 'w', kAnyCase},
    {"seventy", 'w', kAnyCase}, {"eighty", 'w', kAnyCase}, {"ninety", 'w', kAnyCase},
    {"several", 'w', kAnyCase}, {"dozen", 'v', kAnyCase}, {"few", 'v', kAnyCase},
    {"a", 'k', kAnyCase}, {"an", 'k', kAnyCase},
    // periods and their modifiers
    {"day", 'p', kLower}, {"days", 'p', kLower}, {"week", 'p', kLower},
    {"weeks", 'p', kLower}, {"weekend", 'p', kLower}, {"weekends", 'p', kLower},
    {"fortnight", 'p', kLower}, {"month", 'p', kLower}, {"months", 'p', kLower},
    {"quarter", 'p', kLower}, {"year", 'p', kLower}, {"years", 'p', kLower},
    {"decade", 'p', kLower}, {"decades", 'p', kLower}, {"century", 'p', kLower},
    {"centuries", 'p', kLower}, {"Century", 'p', kExact},
    {"hour", 'h', kLower}, {"hours", 'h', kLower}, {"minute", 'h', kLower},
    {"minutes", 'h', kLower}, {"seconds", 'h', kLower},
    {"spring", 's', kLower}, {"summer", 's', kLower}, {"autumn", 's', kLower},
    {"winter", 's', kLower},
    {"last", 'L', kAnyCase}, {"next", 'L', kAnyCase}, {"this", 'L', kAnyCase},
    {"past", 'L', kAnyCase}, {"coming", 'L', kAnyCase}, {"previous", 'L', kAnyCase},
    {"following", 'L', kAnyCase}, {"same", 'L', kAnyCase},
    {"ago", 'g', kAnyCase}, {"earlier", 'r', kAnyCase}, {"later", 'r', kAnyCase},
    {"early", 'e', kAnyCase}, {"late", 'e', kAnyCase}, {"mid", 'e', kAnyCase},
    {"yesterday", 'y', kAnyCase}, {"today", 'y', kAnyCase}, {"tomorrow", 'y', kAnyCase},
    {"morning", 'd', kLower}, {"afternoon", 'd', kLower}, {"evening", 'd', kLower},
    {"night", 'd', kLower},
    {"tonight", 't', kAnyCase}, {"noon", 't', kLower}, {"midday", 't', kLower},
    {"midnight", 't', kAnyCase},
    {"a.m.", 'A', kAnyCase}, {"p.m.", 'A', kAnyCase}, {"a.m", 'A', kAnyCase},
    {"p.m", 'A', kAnyCase}, {"am", 'A', kAnyCase}, {"pm", 'A', kAnyCase},
    {"o'clock", 'A', kAnyCase}, {"o’clock", 'A', kAnyCase},
    {"GMT", 'z', kExact}, {"BST", 'z', kExact}, {"UTC", 'z', kExact}, {"CET", 'z', kExact},
    {"CEST", 'z', kExact}, {"ET", 'z', kExact}, {"EST", 'z', kExact}, {"EDT", 'z', kExact},
    {"PT", 'z', kExact}, {"PST", 'z', kExact}, {"PDT", 'z', kExact},
    {"the", 'n', kAnyCase}, {"of", 'o', kLower},
    {"end", 'E', kAnyCase}, {"beginning", 'E', kAnyCase}, {"start", 'E', kAnyCase},
    {"middle", 'E', kAnyCase}, {"turn", 'E', kAnyCase},
    {"first", 'i', kAnyCase}, {"second", 'i', kAnyCase}, {"third", 'i', kAnyCase},
    {"fourth", 'i', kAnyCase}, {"half", 'j', kAnyCase},
    {"-", 'R', kExact}, {"–", 'R', kExact}, {",", ',', kExact},
    // money
    {"hundred", 'S', kLower}, {"thousand", 'S', kLower}, {"million", 'S', kLower},
    {"billion", 'S', kLower}, {"trillion", 'S', kLower}, {"crore", 'S', kLower},
    {"lakh", 'S', kLower}, {"m", 'S', kExact}, {"bn", 'S', kLower}, {"mn", 'S', kLower},
    {"tn", 'S', kLower}, {"trn", 'S', kLower},
    {"$", 'U', kExact}, {"€", 'U', kExact}, {"£", 'U', kExact}, {"¥", 'U', kExact},
    {"₹", 'U', kExact}, {"₽", 'U', kExact}, {"US$", 'U', kExact}, {"A$", 'U', kExact},
    {"C$", 'U', kExact}, {"HK$", 'U', kExact}, {"NZ$", 'U', kExact}, {"S$", 'U', kExact},
    {"R$", 'U', kExact}, {"Rs", 'U', kExact}, {"Rs.", 'U', kExact},
    {"USD", 'K', kExact}, {"EUR", 'K', kExact}, {"GBP", 'K', kExact}, {"JPY", 'K', kExact},
    {"CHF", 'K', kExact}, {"CNY", 'K', kExact}, {"RMB", 'K', kExact}, {"INR", 'K', kExact},
    {"AUD", 'K', kExact}, {"CAD", 'K', kExact}, {"RUB", 'K', kExact},
    {"dollar", 'C', kLower}, {"dollars", 'C', kLower}, {"euro", 'C', kLower},
    {"euros", 'C', kLower}, {"pound", 'C', kLower}, {"pounds", 'C', kLower},
    {"sterling", 'C', kLower}, {"cent", 'C', kLower}, {"cents", 'C', kLower},
    {"pence", 'C', kLower}, {"penny", 'C', kLower}, {"yen", 'C', kLower},
    {"yuan", 'C', kLower}, {"renminbi", 'C', kLower}, {"rupee", 'C', kLower},
    {"rupees", 'C', kLower}, {"rouble", 'C', kLower}, {"roubles", 'C', kLower},
    {"ruble", 'C', kLower}, {"rubles", 'C', kLower}, {"franc", 'C', kLower},
    {"francs", 'C', kLower}, {"hryvnia", 'C', kLower}, {"hryvnias", 'C', kLower},
    {"lira", 'C', kLower}, {"pesos", 'C', kLower}, {"shekels", 'C', kLower},
    {"US", 'x', kExact}, {"U.S.", 'x', kExact},
    // percentages
    {"percent", 'P', kAnyCase}, {"pct", 'P', kAnyCase}, {"%", 'P', kExact},
    {"percentage", 'G', kLower}, {"point", 'I', kLower}, {"points", 'I', kLower},
    // units
    {"km", 'u', kLower}, {"kilometre", 'u', kLower}, {"kilometres", 'u', kLower},
    {"kilometer", 'u', kLower}, {"kilometers", 'u', kLower}, {"mile", 'u', kLower},
    {"miles", 'u', kLower}, {"metre", 'u', kLower}, {"metres", 'u', kLower},
    {"meter", 'u', kLower}, {"meters", 'u', kLower}, {"cm", 'u', kLower},
    {"centimetres", 'u', kLower}, {"centimeters", 'u', kLower}, {"mm", 'u', kLower},
    {"millimetres", 'u', kLower}, {"millimeters", 'u', kLower}, {"feet", 'u', kLower},
    {"foot", 'u', kLower}, {"ft", 'u', kLower}, {"inch", 'u', kLower},
    {"inches", 'u', kLower}, {"yards", 'u', kLower}, {"kg", 'u', kLower},
    {"kilogram", 'u', kLower}, {"kilograms", 'u', kLower}, {"kilos", 'u', kLower},
    {"grams", 'u', kLower}, {"tonne", 'u', kLower}, {"tonnes", 'u', kLower},
    {"ton", 'u', kLower}, {"tons", 'u', kLower}, {"lb", 'u', kLower},
    {"lbs", 'u', kLower}, {"ounces", 'u', kLower}, {"litre", 'u', kLower},
    {"litres", 'u', kLower}, {"liter", 'u', kLower}, {"liters", 'u', kLower},
    {"gallons", 'u', kLower}, {"barrel", 'u', kLower}, {"barrels", 'u', kLower},
    {"degree", 'u', kLower}, {"degrees", 'u', kLower}, {"acre", 'u', kLower},
    {"acres", 'u', kLower}, {"hectare", 'u', kLower}, {"hectares", 'u', kLower},
    {"mph", 'u', kLower}, {"knots", 'u', kLower}, {"megawatts", 'u', kLower},
    {"gigawatts", 'u', kLower}, {"kilowatts", 'u', kLower}, {"MW", 'u', kExact},
    {"GW", 'u', kExact}, {"kW", 'u', kExact}, {"kWh", 'u', kExact},
    {"square", 'l', kAnyCase}, {"cubic", 'l', kAnyCase},
    {"celsius", 'f', kAnyCase}, {"fahrenheit", 'f', kAnyCase}, {"centigrade", 'f', kAnyCase},
    // counted nouns
    {"people", 'b', kLower}, {"persons", 'b', kLower}, {"troops", 'b', kLower},
    {"soldiers", 'b', kLower}, {"civilians", 'b', kLower}, {"refugees", 'b', kLower},
    {"migrants", 'b', kLower}, {"residents", 'b', kLower}, {"workers", 'b', kLower},
    {"employees", 'b', kLower}, {"jobs", 'b', kLower}, {"children", 'b', kLower},
    {"students", 'b', kLower}, {"voters", 'b', kLower}, {"votes", 'b', kLower},
    {"cases", 'b', kLower}, {"deaths", 'b', kLower}, {"patients", 'b', kLower},
    {"users", 'b', kLower}, {"customers", 'b', kLower}, {"members", 'b', kLower},
    {"visitors", 'b', kLower}, {"tourists", 'b', kLower}, {"homes", 'b', kLower},
    {"households", 'b', kLower}, {"families", 'b', kLower}, {"passengers", 'b', kLower},
    {"protesters", 'b', kLower}, {"prisoners", 'b', kLower}, {"officers", 'b', kLower},
    {"police", 'b', kLower}, {"fighters", 'b', kLower}, {"casualties", 'b', kLower},
    {"copies", 'b', kLower}, {"subscribers", 'b', kLower}, {"viewers", 'b', kLower},
};

// Number words that may be joined with a hyphen (twenty-five) or start a date token (two-day).
constexpr const char* kNumberWordPattern =
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    "fifty|sixty|seventy|eighty|ninety|hundred";

using WordTable = std::unordered_map<std::string_view, const WordClass*>;

// Two tables: case-folded words and words compared as written.
const WordTable& FoldedWords() {
  static const WordTable* table = [] {
    auto* t = new WordTable;
    for (const WordClass& w : kWords) {
      if (w.match != kExact) t->emplace(w.word, &w);
    }
    return t;
  }();
  return *table;
}

const WordTable& ExactWords() {
  static const WordTable* table = [] {
    auto* t = new WordTable;
    for (const WordClass& w : kWords) {
      if (w.match == kExact) t->emplace(w.word, &w);
    }
    return t;
  }();
  return *table;
}

// Shapes of tokens that hold digits (or a currency sign), in priority order: the first matching
// shape gives the class.
struct Shape {
  char cls;
  const char* pattern;
};

const Shape kShapes[] = {
    {'D', "0?[1-9]|[12][0-9]|3[01]|"
          "(?:0?[1-9]|[12][0-9]|3[01])[-–](?:0?[1-9]|[12][0-9]|3[01])"},  // June 5-7
    {'Y', "1[0-9]{3}|20[0-9]{2}"},
    {'O', "[0-9]+(?:st|nd|rd|th)"},
    {'H', "(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?i:[ap]\\.?m\\.?)?|"
          "(?:1[0-2]|0?[1-9])(?:[.:][0-5][0-9])?(?i:[ap]\\.?m\\.?)"},
    {'X', "[12][0-9]{3}-[01][0-9]-[0-3][0-9]|"
          "[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{2}|[12][0-9]{3})|"
          "(?:1[0-9]|20)[0-9]0'?s|[2-9]0s|'[0-9]0s|’[0-9]0s|"
          "(?:19|20)[0-9]{2}[-–/](?:[0-9]{2}|(?:19|20)[0-9]{2})|"
          "(?i:mid|early|late)-(?:[12][0-9]{3}s?|January|February|March|April|May|June|July|"
          "August|September|October|November|December)|"
          "Q[1-4]|H[12]|"
          "[0-9]+(?:st|nd|rd|th)-century"},
    {'V', 
          "(?:[0-9]+|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
          "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred))"
          "-(?:day|week|month|year|decade)s?(?:-old|-long)?"},
    {'Q', "[0-9][0-9,]*(?:\\.[0-9]+)?(?:%|pc)|\\.[0-9]+%"},
    {'B', "[0-9][0-9,]*(?:\\.[0-9]+)?(?:m|bn|mn|tn|trn|k)"},
    {'J', "[0-9][0-9,]*(?:\\.[0-9]+)?(?:km|kg|cm|mm|ml|mph|kph|ft|lb|lbs|MW|GW|kW|kWh|GB|TB|C|F)"},
    {'Z', "(?:US|A|C|NZ|HK|S|R)?[$€£¥₹₽][0-9][0-9,]*(?:\\.[0-9]+)?(?:m|bn|mn|tn|trn|k)?|"
          "[0-9]+p"},
    {'U', "(?:US|A|C|NZ|HK|S|R)[$€£¥₹₽]"},
    {'N', "[0-9][0-9,]*(?:\\.[0-9]+)?|\\.[0-9]+|[0-9][0-9,.]*[0-9]|"
          "[0-9][0-9,.]*[-–][0-9][0-9,.]*"},  // 0.7-0.8, a range written as one token
};

const RE2::Set& ShapeSet() {
  static const RE2::Set* set = [] {
    RE2::Options options;
    options.set_log_errors(false);
    auto* s = new RE2::Set(options, RE2::ANCHOR_BOTH);
    for (const Shape& shape : kShapes) {
      if (s->Add(shape.pattern, nullptr) < 0) std::abort();  // a bug in kShapes
    }
    if (!s->Compile()) std::abort();
    return s;
  }();
  return *set;
}

const RE2& HyphenatedNumberWord() {
  static const RE2* re = [] {
    auto* r = new RE2(std::string("(?i:(?:") + kNumberWordPattern + ")-(?:" + kNumberWordPattern +
                      "))");
    if (!r->ok()) std::abort();
    return r;
  }();
  return *re;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Lowercases ASCII letters of word into buf (at most n bytes); returns the lowered view, or an
// empty view when the word is too long to be in the table.
std::string_view Fold(std::string_view word, char* buf, size_t n) {
  if (word.size() > n) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, word.size());
}

const WordClass* LookUp(std::string_view word) {
  auto exact = ExactWords().find(word);
  if (exact != ExactWords().end()) return exact->second;
  char buf[24];
  std::string_view folded = Fold(word, buf, sizeof(buf));
  if (folded.empty()) return nullptr;
  auto it = FoldedWords().find(folded);
  if (it == FoldedWords().end()) return nullptr;
  if (it->second->match == kCapitalized && !IsUpper(word[0])) return nullptr;
  if (it->second->match == kLower && IsUpper(word[0])) return nullptr;
  return it->second;
}

// A lower-case word ending in a plural -s ("handsets", "tracks"), not a function word.
bool LooksPlural(std::string_view w) {
  if (w.size() < 4 || w.back() != 's' || w[w.size() - 2] == 's' || w[w.size() - 2] == '\'') {
    return false;
  }
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  static const std::unordered_map<std::string_view, bool>* function_words =
      new std::unordered_map<std::string_view, bool>{
          {"this", true},   {"thus", true},    {"plus", true},     {"versus", true},
          {"towards", true}, {"perhaps", true}, {"always", true},  {"whereas", true},
          {"sometimes", true}, {"afterwards", true}, {"besides", true}, {"hers", true},
          {"ours", true},   {"yours", true},   {"theirs", true},   {"means", true},
          {"news", true},   {"series", true},  {"various", true},  {"previous", true},
          {"serious", true}, {"famous", true}, {"obvious", true},  {"numerous", true}};
  return function_words->count(w) == 0;
}

// scratch: reused for RE2::Set results, so classifying allocates nothing per token.
char ClassifyToken(std::string_view word, std::vector<int>* scratch) {
  if (word.empty()) return kOther;
  if (const WordClass* w = LookUp(word)) return w->cls;
  // Abbreviations keep their period: "Jan." "Sept." "Rs."
  if (word.size() > 1 && word.back() == '.') {
    const WordClass* w = LookUp(word.substr(0, word.size() - 1));
    if (w != nullptr && (w->cls == 'm' || w->cls == 'A' || w->cls == 'U')) return w->cls;
  }
  bool digit_or_sign = false;
  for (char c : word) {
    if (IsDigit(c) || c == '$' || static_cast<unsigned char>(c) >= 0xc2) {
      digit_or_sign = true;
      break;
    }
  }
  const bool hyphen = word.find('-') != std::string_view::npos;
  if (digit_or_sign || hyphen || word[0] == '\'' || (word.size() == 2 && IsDigit(word[1]))) {
    if (ShapeSet().Match(re2::StringPiece(word.data(), word.size()), scratch)) {
      int best = static_cast<int>(sizeof(kShapes) / sizeof(kShapes[0]));
      for (int m : *scratch) best = std::min(best, m);
      return kShapes[best].cls;
    }
  }
  if (hyphen && RE2::FullMatch(re2::StringPiece(word.data(), word.size()), HyphenatedNumberWord())) {
    return 'w';
  }
  return LooksPlural(word) ? 'a' : kOther;
}

std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

bool IsCapitalizedWord(std::string_view text, const Token& t) {
  return t.kind == TokenKind::kWord && t.end > t.begin && IsUpper(text[t.begin]);
}

bool FoldedIn(std::string_view word, std::initializer_list<std::string_view> words) {
  char buf[16];
  std::string_view folded = Fold(word, buf, sizeof(buf));
  if (folded.empty()) return false;
  for (std::string_view w : words) {
    if (folded == w) return true;
  }
  return false;
}

// Pass 2: classes that depend on their neighbours.
void Settle(std::string_view text, const std::vector<Token>& tokens, std::string* classes) {
  std::string& c = *classes;
  const size_t n = c.size();
  auto at = [&](size_t i) { return i < n ? c[i] : kOther; };
  auto word = [&](size_t i) { return i < n ? TokenText(text, tokens[i]) : std::string_view(); };
  for (size_t i = 0; i < n; ++i) {
    switch (c[i]) {
      case 'm': {  // May, March, Jan.: a month only with date context
        char next = at(i + 1);
        char prev = i > 0 ? c[i - 1] : kOther;
        bool month = next == 'D' || next == 'O' || next == 'Y' ||
                     (next == ',' && at(i + 2) == 'Y') || prev == 'D' || prev == 'O' ||
                     (i >= 2 && prev == 'o' && c[i - 2] == 'O') ||
                     (i >= 2 && prev == 'R' && c[i - 2] == 'e');
        if (!month && i > 0) {
          bool blocked = i + 1 < n && (FoldedIn(word(i + 1), {"'s", "’s"}) ||
                                       IsCapitalizedWord(text, tokens[i + 1]));
          month = !blocked && (prev == 'L' || prev == 'e' ||
                               FoldedIn(word(i - 1), {"in", "since", "until", "till", "through",
                                                      "during", "before", "after", "between"}));
        }
        c[i] = month ? 'M' : kOther;
        break;
      }
      case 'C':  // "cent" after "per" belongs to the percent sign
        if (i > 0 && FoldedIn(word(i - 1), {"per"}) && FoldedIn(word(i), {"cent"})) {
          c[i - 1] = 'P';
          c[i] = 'F';
        }
        break;
      case 'x':  // "US" "$" written together is one currency sign
        if (at(i + 1) == 'U' && !tokens[i + 1].space_before) c[i] = 'U';
        break;
      case 'A':  // "am"/"pm" only right after a number ("I am" is not a time)
        if (i == 0 || (c[i - 1] != 'D' && c[i - 1] != 'N' && c[i - 1] != 'H')) c[i] = kOther;
        break;
      case 'S':  // "m" is a scale only right after a number ("£600 m")
        if (word(i) == "m" && (i == 0 || (c[i - 1] != 'D' && c[i - 1] != 'N' && c[i - 1] != 'Y')))
          c[i] = kOther;
        break;
      default:
        break;
    }
  }
  // "the 1990's": a decade written with an apostrophe (but "2020's budget" is a possessive).
  for (size_t i = 1; i + 1 < n; ++i) {
    if (c[i] != 'Y' || text[tokens[i].end - 1] != '0' || tokens[i + 1].space_before) continue;
    if (c[i - 1] != 'n' && c[i - 1] != 'e') continue;
    if (FoldedIn(word(i + 1), {"'s", "’s"})) {
      c[i] = 'X';
      c[i + 1] = 'T';
    }
  }
  // ':' inside a clock time: 10:30 written as three tokens.
  for (size_t i = 1; i + 1 < n; ++i) {
    if (word(i) != ":" || tokens[i].space_before || tokens[i + 1].space_before) continue;
    std::string_view h = word(i - 1), m = word(i + 1);
    bool hour = (h.size() == 1 || h.size() == 2) && IsDigit(h[0]) && IsDigit(h.back()) &&
                std::atoi(std::string(h).c_str()) <= 24;
    bool minute = m.size() == 2 && IsDigit(m[0]) && IsDigit(m[1]) && m[0] <= '5';
    if (hour && minute) c[i] = 'c';
  }
}

// Pass 3: the patterns, one capture group per type. Leftmost-longest over the class string.
const char* const kTypes[] = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"};

const RE2& Patterns() {
  static const RE2* re = [] {
    // An amount: "3.5 billion", "600m", "two million", "a million".
    const std::string amt = "(?:[DNYwv]S*|B|kS+)";
    const std::string full = "(?:M[DO](?:,?Y)?|[DO]o?M(?:,?Y)?|M,?Y)";
    const std::string date =
        "W(?:,?" + full + ")?"               // Thursday, Thursday, April 3, 2023
        "|(?:eR?)?(?:" + full + "|M(?:Lp)?)"  // April 3, 2023; 3 April; June 2023; early June;
                                              // May this year
        "|(?:n?eR?)?Y(?:RY)?"                // 1996, mid-2024, 2019-2021
        "|n?(?:eR?)?XT?"                     // 2023-06-01, the 1990s, the early 1990's
        "|V"                                 // 10-year, 36-year-old
        "|[er]?n?L(?:[DNw]|k?v)?p"           // last week, the past two years, earlier this year
        "|[er]?L[WMs]"                       // last Thursday, this summer
        "|y"                                 // yesterday, today
        "|(?:[DNYw]|k?v)p[gr]?|kp[gr]"       // two years ago, a few months, a week ago
        "|n?Eo[nL]?[pMsYX]"                  // the end of the year, the start of June
        "|n?i[pj](?:o(?:Y|[nL]p))?"          // the first quarter of 2024
        "|n?OR?p"                            // the 20th century
        "|s,?Y|n?soY";                       // summer 2023, the summer of 2023
    const std::string time =
        "(?:H|[DN]c[DN])[At]?z?"  // 3:30 p.m., 10:45, 12:00 noon
        "|[DN]Az?"             // 10 a.m.
        "|[YN]z"               // 1400 GMT
        "|D?t"                 // noon, tonight
        "|[yWL]d"              // yesterday morning, Thursday night, last night
        "|(?:[DNw]|k?v|k|jk?)h[gr]?"  // two hours, half an hour, an hour ago
        "|n?L(?:[DNw]|k?v)?h";        // the past 24 hours, the next few hours
    const std::string money =
        "U+" + amt + "(?:RU*" + amt + ")?"  // $3.5 billion, US$ 2 bn, €20
        "|ZS*(?:RU*" + amt + ")?"           // $3.5bn as one token
        "|K" + amt +                        // USD 5 million
        "|" + amt + "(?:R" + amt + ")?x?[CK]";  // 100 million dollars, 5 cents
    const std::string percent =
        amt + "(?:R" + amt + ")?PF?"  // 40 %, 12 percent, 3.5 per cent, 40-50 %
        "|(?:" + amt + "R)?Q(?:RQ)?"  // 40%
        "|(?:" + amt + "|jk?)GI";     // half a percentage point
    const std::string quantity =
        amt + "(?:R" + amt + ")?l?uf?"  // 500 km, 20 square miles, 40 degrees Celsius
        "|J"                            // 500km
        "|(?:[DNY]S*|B|[wk]S+)b"        // 3,000 troops, 1.2 million people
        "|(?:[DNYw]S+|B)a";             // 167 million handsets
    RE2::Options options;
    options.set_longest_match(true);
    auto* r = new RE2("(" + date + ")|(" + time + ")|(" + money + ")|(" + percent + ")|(" +
                          quantity + ")",
                      options);
    if (!r->ok()) std::abort();  // a bug in the patterns above
    return r;
  }();
  return *re;
}

// A lone month or weekday right before a capitalized word is a name ("April Ryan", "Sunday
// Times"); a lone year below 1900 needs a preposition before it ("in 1776", not "about 1500");
// a capitalized "Today" after a word is the radio programme ("told Today").
bool KeepMatch(std::string_view text, const std::vector<Token>& tokens, const std::string& classes,
               size_t first, size_t last) {
  if (last - first != 1) return true;
  char cls = classes[first];
  if (cls == 'M' || cls == 'W') {
    return last >= tokens.size() || !IsCapitalizedWord(text, tokens[last]) ||
           classes[last] != kOther;
  }
  if (cls == 'Y') {
    // "Windows 2000", "Euro 2004": a year right after a name is part of that name.
    if (first > 0 && IsCapitalizedWord(text, tokens[first - 1]) && classes[first - 1] == kOther &&
        !FoldedIn(TokenText(text, tokens[first - 1]),
                  {"in", "since", "by", "until", "till", "before", "after", "during", "through",
                   "throughout", "for", "from", "of", "to", "and", "or", "but", "between", "circa",
                   "around", "about", "as", "at", "on", "then", "so"})) {
      return false;
    }
    if (text[tokens[first].begin] != '1' || text[tokens[first].begin + 1] == '9') return true;
    return first > 0 && FoldedIn(TokenText(text, tokens[first - 1]),
                                 {"in", "since", "until", "by", "from", "of", "before", "after"});
  }
  if (cls == 'y' && IsUpper(text[tokens[first].begin]) && first > 0) {
    TokenKind prev = tokens[first - 1].kind;
    return prev != TokenKind::kWord && prev != TokenKind::kNumber &&
           TokenText(text, tokens[first - 1]) != ",";
  }
  return true;
}

}  // namespace

std::vector<Entity> FindQuantities(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Sentence>& /*sentences*/) {
  std::vector<Entity> out;
  for (const Token& t : tokens) {
    if (t.begin > t.end || t.end > text.size()) return out;  // tokens of another text
  }
  if (tokens.empty()) return out;
  std::string classes(tokens.size(), kOther);
  std::vector<int> scratch;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.begin == t.end) continue;
    if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kEmail || t.kind == TokenKind::kQuote) {
      continue;
    }
    classes[i] = ClassifyToken(TokenText(text, t), &scratch);
  }
  Settle(text, tokens, &classes);

  const RE2& re = Patterns();
  re2::StringPiece input(classes);
  re2::StringPiece groups[1 + 5];
  size_t pos = 0;
  while (pos < classes.size() &&
         re.Match(input, pos, classes.size(), RE2::UNANCHORED, groups, 1 + 5)) {
    size_t first = groups[0].data() - classes.data();
    size_t last = first + groups[0].size();
    if (last == first) {  // no pattern matches empty, but never loop on one
      pos = first + 1;
      continue;
    }
    pos = last;
    int type = 0;
    while (type < 5 && groups[1 + type].data() == nullptr) ++type;
    if (type == 5 || !KeepMatch(text, tokens, classes, first, last)) continue;
    out.push_back({tokens[first].begin, tokens[last - 1].end, kTypes[type]});
  }
  return out;
}

}  // namespace byline
