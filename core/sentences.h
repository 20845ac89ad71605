// Sentence splitter over tokens.
//
// Usage:
//   std::vector<byline::Sentence> s = byline::SplitSentences(text, tokens);
//
// Units: Sentence::begin/end are the byte offsets of the sentence's first token's begin and last
// token's end; first_token/last_token index tokens (last_token is one past the end). Every token
// belongs to exactly one sentence; sentences are in order and cover all tokens.
// Thread-safety: a pure function. Cost: linear in the number of tokens.
//
// Rules, for news text:
//   - A sentence ends after . ! ? … ... (and runs such as ?! or ". . ."), together with the closing
//     quotation marks and brackets right after them: `"It was fine." He left` splits after the ",
//     `he said. "Next` splits before the ". It does not end when the next token is a lower-case
//     word or continuing punctuation: `"Why?" he asked` is one sentence; so is `Yahoo! said`.
//   - A word that kept its period (U.S., Inc., p.m., an initial J.) ends a sentence only before a
//     common sentence starter (The, He, But, In ... see kStarters), or before any capitalized
//     word when a closing quotation mark follows the period; titles (Mr. Dr. Gen. Sen. No. vs.)
//     never do. "He lives in the U.S. The ..." splits; "The U.S. Army" and "George W. Bush" do not.
//   - A paragraph break (Token::paragraph_start) always ends a sentence, so headlines, datelines
//     and captions without final punctuation are sentences of their own. A single line break
//     does not end one; colons and semicolons never do.
//   - Safety net: no sentence is longer than 1000 tokens (text without punctuation is cut there).
#ifndef BYLINE_CORE_SENTENCES_H_
#define BYLINE_CORE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace byline

#endif  // BYLINE_CORE_SENTENCES_H_
