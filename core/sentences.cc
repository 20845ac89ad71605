// The news sentence splitter: one pass over the tokens, deciding after each candidate ending
// (. ! ? … ... or a word that keeps its period) by looking at the next token.
#include "core/sentences.h"

#include <algorithm>
#include <iterator>

#include "core/offsets.h"

namespace byline {
namespace {

// Abbreviations (without the period) that introduce the next word and so never end a sentence.
constexpr std::string_view kTitles[] = {
    "Adm",  "Amb",  "Atty", "Brig", "Capt", "Cdr",    "Cmdr", "Col",  "Cpl",  "Cpt", "DR",
    "Det",  "Dr",   "Fr",   "Gen",  "Gens", "Gov",    "Govs", "Hon",  "Insp", "Lt",  "MR",
    "MRS",  "MS",   "Maj",  "Messrs", "Mmes", "Mr",   "Mrs",  "Ms",   "Msgr", "Mx",  "No",
    "Nos",  "Pres", "Prof", "Pvt",  "Rep",  "Reps",   "Rev",  "Sen",  "Sens", "Sgt", "Supt",
    "v",    "vs",
};

// Capitalized words that commonly begin a news sentence and rarely follow an abbreviation inside
// one: after "U.S." or an initial, one of these means the period also ended the sentence.
constexpr std::string_view kStarters[] = {
    "A",         "According", "After",    "Also",    "Although",  "An",       "And",
    "As",        "At",        "Because",  "Before",  "Both",      "But",      "By",
    "Despite",   "During",    "Each",     "Earlier", "Every",     "For",      "From",
    "He",        "Her",       "Here",     "His",     "How",       "However",  "I",
    "If",        "In",        "Instead",  "It",      "Its",       "Last",     "Later",
    "Many",      "Meanwhile", "Moreover", "Most",    "My",        "Now",      "On",
    "One",       "Our",       "Over",     "She",     "Since",     "So",       "Some",
    "Still",     "That",      "The",      "Their",   "Then",      "There",    "These",
    "They",      "This",      "Those",    "Though",  "Thus",      "To",       "Today",
    "We",        "What",      "When",     "Where",   "Which",     "While",    "Who",
    "Why",       "With",      "Yesterday", "Yet",    "You",
};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  return std::binary_search(std::begin(list), std::end(list), w);
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens) : t_(text), tok_(tokens) {}

  std::vector<Sentence> Run() {
    const size_t n = tok_.size();
    size_t first = 0;
    size_t k = 0;
    while (k < n) {
      if (k > first && (tok_[k].paragraph_start || k - first >= kMaxSentenceTokens)) {
        Push(first, k);
        first = k;
      }
      size_t end = k + 1;
      bool boundary = false;
      if (IsTerminal(k)) {  // . ! ? … and runs of them, then closing quotes and brackets
        while (end < n && !tok_[end].paragraph_start && (IsTerminal(end) || IsCloser(end))) ++end;
        boundary = end == n || tok_[end].paragraph_start || MayStartSentence(end);
      } else if (IsWordWithPeriod(k)) {  // U.S. Inc. J. etc. Mr.
        const bool closed = end < n && IsCloser(end) && !tok_[end].paragraph_start;
        while (end < n && !tok_[end].paragraph_start && IsCloser(end)) ++end;
        if (end == n || tok_[end].paragraph_start) {
          boundary = true;
        } else if (!IsTitle(k)) {
          boundary = closed ? MayStartSentence(end) : IsStarter(end);
        }
      }
      if (boundary) {
        Push(first, end);
        first = end;
      }
      k = end;
    }
    if (first < n) Push(first, n);
    return std::move(out_);
  }

 private:
  // No sentence is longer than this: a safety net for text without punctuation (tables, lists,
  // hostile input) so later stages never see one enormous sentence.
  static constexpr size_t kMaxSentenceTokens = 1000;

  std::string_view Text(size_t k) const {
    return t_.substr(tok_[k].begin, tok_[k].end - tok_[k].begin);
  }

  void Push(size_t first, size_t end) {
    out_.push_back({tok_[first].begin, tok_[end - 1].end, static_cast<uint32_t>(first),
                    static_cast<uint32_t>(end)});
  }

  bool IsTerminal(size_t k) const {
    if (tok_[k].kind != TokenKind::kPunct && tok_[k].kind != TokenKind::kSymbol) return false;
    const std::string_view s = Text(k);
    if (s.empty()) return false;
    if (s[0] == '.' || s == "!" || s == "?") return true;  // . .. ... ! ?
    char32_t cp;
    if (DecodeUtf8(s, 0, &cp) == 0) return false;
    switch (cp) {
      case 0x2026:  // …
      case 0x203C: case 0x2047: case 0x2048: case 0x2049:  // ‼ ⁇ ⁈ ⁉
      case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F: case 0xFF61:  // 。！．？｡
      case 0x061F: case 0x06D4: case 0x0964: case 0x0965:  // Arabic ? and full stop, danda
        return true;
      default:
        return false;
    }
  }

  // A closing quotation mark or bracket: curly and guillemet closers always, straight quotes when
  // attached to what precedes them.
  bool IsCloser(size_t k) const {
    const std::string_view s = Text(k);
    if (tok_[k].kind == TokenKind::kQuote || (tok_[k].kind == TokenKind::kWord && s == "'")) {
      if (s == "\xE2\x80\x9D" || s == "\xE2\x80\x99" || s == "\xC2\xBB" || s == "\xE2\x80\xBA" ||
          s == "''" || s == "\xE3\x80\x8D" || s == "\xE3\x80\x8F") {
        return true;  // ” ’ » › '' 」 』
      }
      return (s == "\"" || s == "'") && !tok_[k].space_before;
    }
    return tok_[k].kind == TokenKind::kPunct && (s == ")" || s == "]" || s == "}");
  }

  // A word token that kept its period: abbreviation, initial or dotted acronym.
  bool IsWordWithPeriod(size_t k) const {
    const std::string_view s = Text(k);
    return tok_[k].kind == TokenKind::kWord && s.size() > 1 && s.back() == '.';
  }

  bool IsTitle(size_t k) const {
    const std::string_view s = Text(k);
    return In(kTitles, s.substr(0, s.size() - 1));
  }

  // A common sentence starter, possibly after opening quotes or brackets.
  bool IsStarter(size_t k) const {
    for (int skipped = 0; k < tok_.size() && IsOpener(k) && skipped < 3; ++skipped) ++k;
    return k < tok_.size() && tok_[k].kind == TokenKind::kWord && In(kStarters, Text(k));
  }

  bool IsOpener(size_t k) const {
    const std::string_view s = Text(k);
    return tok_[k].kind == TokenKind::kQuote || s == "(" || s == "[";
  }

  // Whether token k may begin a sentence after a sentence-final mark: not a lower-case word (the
  // "?" of a quotation followed by "he asked"), not punctuation that continues a sentence.
  bool MayStartSentence(size_t k) const {
    const Token& tk = tok_[k];
    const std::string_view s = Text(k);
    switch (tk.kind) {
      case TokenKind::kPunct:
        return s == "(" || s == "[" || s == "\xC2\xBF" || s == "\xC2\xA1";  // ( [ ¿ ¡
      case TokenKind::kQuote:
        return true;
      case TokenKind::kWord:
      case TokenKind::kUrl:
      case TokenKind::kEmail: {
        char32_t cp;
        if (DecodeUtf8(s, 0, &cp) == 0) return true;
        return !IsLowercase(cp);
      }
      default:
        return true;
    }
  }

  // Lower-case letters of the Latin, Greek and Cyrillic scripts (enough to tell a continuing
  // sentence from a new one; uncased scripts count as not lower-case).
  static bool IsLowercase(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
    if (c >= 0x100 && c <= 0x17F) {  // Latin Extended-A: upper/lower pairs
      if (c == 0x138 || c == 0x149 || c == 0x17F) return true;
      if (c == 0x178) return false;
      const bool odd_is_lower = c < 0x139 || (c >= 0x14A && c < 0x179);
      return ((c & 1) != 0) == odd_is_lower;
    }
    if (c >= 0x3AC && c <= 0x3CE) return true;  // Greek
    if (c >= 0x430 && c <= 0x45F) return true;  // Cyrillic
    return false;
  }

  std::string_view t_;
  const std::vector<Token>& tok_;
  std::vector<Sentence> out_;
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  return Splitter(text, tokens).Run();
}

}  // namespace byline
