// A word-level view of a text for the attribution rules: words, punctuation and quotation marks,
// each tagged with its sentence, its paragraph and whether it lies inside a quotation.
//
// Usage:
//   std::vector<byline::QuotedSpan> spans = byline::FindQuotedSpans(text);
//   byline::WordView v = byline::BuildWordView(text, spans);
//   for (const byline::Word& w : v.words) std::cout << v.Text(w) << "\n";
//
// This is deliberately independent of core/tokenizer.h: the quotation finder needs a few things
// the general tokenizer need not promise (a possessive 's as its own item, abbreviations with their
// period, quotation marks exactly where FindQuotedSpans put them) and sentence ends that treat a
// whole quotation as one item ("...nation. President Putin ..." inside quotes does not end the
// attribution sentence). Offsets are UTF-8 bytes, half-open. Linear time. Thread-safety: pure.
#ifndef BYLINE_CORE_WORDS_H_
#define BYLINE_CORE_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/quote_marks.h"

namespace byline {

enum class WordKind : uint8_t {
  kWord,        // letters/digits, with inner ' ’ - . & (don't, U.S., Secretary-General)
  kPossessive,  // 's ’s or a lone ' after a plural (the allies')
  kPunct,       // any other single character: , . : ; ( ) — ...
  kOpenQuote,   // the opening mark of a QuotedSpan
  kCloseQuote,  // its closing mark
};

struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  WordKind kind = WordKind::kWord;
  bool capitalized = false;  // first character an uppercase letter
  bool in_quote = false;     // inside a QuotedSpan (between its marks)
  int32_t quote = -1;        // index of the QuotedSpan it is inside or marks, else -1
  uint32_t sentence = 0;     // attribution sentence index (quotations count as one item)
  uint32_t paragraph = 0;
};

struct WordView {
  std::string_view text;
  std::vector<Word> words;
  std::vector<uint32_t> sentence_first;  // first word of each sentence (plus words.size() at end)
  std::vector<int32_t> quote_open_word;  // per QuotedSpan: index of its opening-mark word
  std::vector<int32_t> quote_close_word; // per QuotedSpan: index of its closing-mark word or -1

  std::string_view Text(const Word& w) const { return text.substr(w.begin, w.end - w.begin); }
  std::string_view Text(size_t i) const { return Text(words[i]); }
  bool Is(size_t i, std::string_view s) const { return i < words.size() && Text(i) == s; }
};

WordView BuildWordView(std::string_view text, const std::vector<QuotedSpan>& spans);

}  // namespace byline

#endif  // BYLINE_CORE_WORDS_H_
