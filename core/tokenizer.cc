// PLACEHOLDER: splits on whitespace and ASCII punctuation; replaced by the news tokenizer.
#include "core/tokenizer.h"

#include <cctype>

#include "core/offsets.h"

namespace byline {

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  bool space = true;
  while (i < text.size()) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (n == 0 || cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') {
      space = true;
      i += n ? n : 1;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    if (cp < 128 && std::ispunct(static_cast<int>(cp))) {
      t.kind = cp == '"' ? TokenKind::kQuote : TokenKind::kPunct;
      i += 1;
    } else {
      while (i < text.size()) {
        n = DecodeUtf8(text, i, &cp);
        if (n == 0 || cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' ||
            (cp < 128 && std::ispunct(static_cast<int>(cp)))) {
          break;
        }
        i += n;
      }
    }
    t.end = static_cast<uint32_t>(i);
    out.push_back(t);
    space = false;
  }
  return out;
}

}  // namespace byline
