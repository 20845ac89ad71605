// Quotations and who said them.
//
// Usage:
//   std::vector<byline::Quote> q = byline::FindQuotes(text, tokens, sentences, entities);
//
// Direct quotes span the quoted words without their marks; indirect quotes span the reported clause.
// Each quote carries the speaker mention it is attributed to and the fullest name that mention
// resolves to. Spans are byte offsets, half-open, sorted by begin. Thread-safety: pure.
#ifndef BYLINE_CORE_QUOTES_H_
#define BYLINE_CORE_QUOTES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Token>& tokens,
                              const std::vector<Sentence>& sentences,
                              const std::vector<Entity>& entities);

}  // namespace byline

#endif  // BYLINE_CORE_QUOTES_H_
