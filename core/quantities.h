// Dates, times, money, percentages and other quantities, found with re2 rules over the tokens.
//
// Usage:
//   std::vector<byline::Entity> q = byline::FindQuantities(text, tokens, sentences);
//
// Types: DATE ("Thursday", "April 3, 2023", "2023-06-01", "last week"), TIME ("3:30 p.m."),
// MONEY ("$3.5 billion"), PERCENT ("40%", "12 percent"), QUANTITY ("1.2 million people").
// Spans are byte offsets, half-open, aligned to token boundaries, sorted. Thread-safety: pure.
#ifndef BYLINE_CORE_QUANTITIES_H_
#define BYLINE_CORE_QUANTITIES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Entity> FindQuantities(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Sentence>& sentences);

}  // namespace byline

#endif  // BYLINE_CORE_QUANTITIES_H_
