// Dates, times, money, percentages and other quantities, found with re2 rules over the tokens.
//
// Usage:
//   std::vector<byline::Entity> q = byline::FindQuantities(text, tokens, sentences);
//
// Types: DATE ("Thursday", "April 3, 2023", "2023-06-01", "last week"), TIME ("3:30 p.m."),
// MONEY ("$3.5 billion"), PERCENT ("40%", "12 percent"), QUANTITY ("1.2 million people").
// Spans are byte offsets, half-open, aligned to token boundaries, sorted, never overlapping.
// Thread-safety: pure.
//
// Conventions follow what a reader would mark (close to OntoNotes/spaCy, minus CARDINAL):
//   - a lead preposition stays out ("on Thursday" gives "Thursday"), a lead "the" stays in when it
//     belongs to the expression ("the 1990s", "the past two years", "the end of the year");
//   - bare numbers are not reported; a number counts with a unit ("500 km"), a currency, a percent
//     sign, a period ("two years ago"), a counted noun ("3,000 troops") or a scale word and a
//     plural noun ("167 million handsets");
//   - ambiguous month names (May, March, Jan.) need date context: a day number or year next to
//     them, or "in", "since", "until", "early", "last"... before them ("Theresa May" is no date);
//   - a lone month or weekday before a capitalized word is taken for a name ("Sunday Times").
// The patterns run over one class letter per token (see core/quantities.cc), so the time is
// linear in the number of tokens.
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
