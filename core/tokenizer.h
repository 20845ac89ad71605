// Tokenizer for news English.
//
// Usage:
//   std::vector<byline::Token> tokens = byline::Tokenize(text);
//
// Units: Token::begin/end are UTF-8 byte offsets into text, half-open; text.substr(begin, end-begin)
// is the token. Bytes that are not well-formed UTF-8 are never inside a token.
// Thread-safety: a pure function.
#ifndef BYLINE_CORE_TOKENIZER_H_
#define BYLINE_CORE_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Token> Tokenize(std::string_view text);

}  // namespace byline

#endif  // BYLINE_CORE_TOKENIZER_H_
