// Tokenizer for news English, following CoNLL-2003 / Penn Treebank conventions where sensible.
//
// Usage:
//   std::vector<byline::Token> tokens = byline::Tokenize(text);
//   for (const byline::Token& t : tokens)
//     std::cout << text.substr(t.begin, t.end - t.begin) << "\n";
//
// Units: Token::begin/end are UTF-8 byte offsets into text, half-open; text.substr(begin, end-begin)
// is the token. Tokens are in text order and never overlap; every offset is a character boundary.
// Thread-safety: a pure function. Cost: one linear scan, no regular expressions.
//
// Conventions (input -> tokens):
//   Punctuation is split off:              said. -> said .      (Reuters) -> ( Reuters )
//   Clitics split as in PTB/CoNLL, with ' or ’: Ukraine's -> Ukraine 's   don't -> do n't
//                                          can't -> ca n't   they're -> they 're   (kWord each)
//   Other inner apostrophes stay:          O'Brien  o'clock  rock'n'roll;  ’90s '07 'n' are words
//   Abbreviations keep their period:       Mr. Gen. Inc. Jan. etc. vs. ("No." only before a number)
//   Initials and dotted acronyms too:      J. K. Rowling   George W. Bush   U.S. a.m. Ph.D. U.S.-led
//   Numbers stay whole:                    1,200.50  3.5  3:30  24/7  2023-06-01  1.13bn  (kNumber)
//   Currency and percent are symbols:      $3.5 -> $ 3.5    40% -> 40 %    US$ C$ HK$ -> one kSymbol
//   Inner hyphens join:                    Secretary-General  Russia-Ukraine  multi-year  F-16  AT&T
//   Dashes and ellipses are one token:     — – -- ... … (kPunct)
//   Quotation marks are kQuote tokens:     " “ ” ‘ ’ « » ‹ › „ ‚ `` '' and ' used as a quote
//   ' and ’ are a quotation mark at word boundaries (‘like this’), an apostrophe inside a word or in
//   a plural possessive ("the allies’ door": the ’ is a kWord token) when no single quotation is open.
//   URLs (http://, https://, ftp://, www., and bare domains such as bbc.co.uk with a common TLD) are
//   kUrl, e-mail addresses kEmail, without trailing sentence punctuation or an unbalanced ")".
//   Brackets [ ] ( ) { } are their own kPunct tokens: President [Vladimir] Putin.
//   Symbols and emoji are kSymbol; an emoji sequence (skin tone, variation selector, keycap, ZWJ
//   sequence, flag) is one token.
//   Any non-ASCII letter (é, ß, Cyrillic, CJK ...) is a word character; combining marks stay with
//   the character before them.
//
// Whitespace, paragraphs and bad bytes:
//   space_before is true when whitespace (any Unicode space, control characters, NUL) or the text
//   start precedes the token. paragraph_start is true for the first token and after a blank line
//   (two or more line breaks between tokens: \n, \r\n, \r, U+2028 each count one, U+2029 two).
//   Bytes that are not well-formed UTF-8 are skipped: they end the token before them, are in no
//   token, and do not set space_before ("ab\xFFcd" -> ab cd, the second with space_before false).
//   Invisible format characters (BOM, bidi marks, soft hyphen) are skipped between tokens the same
//   way and kept inside a word.
//
// Known limits (heuristics, by design): a plural possessive ’ inside an open single quotation is
// taken as its closing mark ("‘the allies’ door’"); an elision such as 'em or 'til at a word start
// is taken as an opening quotation mark; bare domains need a TLD from a short list (com, org, net,
// gov, edu, int, uk, ...), so "said.It" is not a URL but neither is "example.it".
#ifndef BYLINE_CORE_TOKENIZER_H_
#define BYLINE_CORE_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Token> Tokenize(std::string_view text);

}  // namespace byline

#endif  // BYLINE_CORE_TOKENIZER_H_
