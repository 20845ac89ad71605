// Sentence splitter over tokens.
//
// Usage:
//   std::vector<byline::Sentence> s = byline::SplitSentences(text, tokens);
//
// Every token belongs to exactly one sentence; sentences are in order and cover all tokens.
// A paragraph break always ends a sentence. Thread-safety: a pure function.
#ifndef BYLINE_CORE_SENTENCES_H_
#define BYLINE_CORE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace byline

#endif  // BYLINE_CORE_SENTENCES_H_
