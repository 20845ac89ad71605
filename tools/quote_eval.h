// Scoring quotations and speakers against PolNeAR-format gold: one JSON article per line (see
// /work/shared/data/quotes/polnear/README.md). `byline eval-quotes` (tools/cmd_quotes.cc) prints
// the scores; fuzz/fuzz_jsonl.cc runs the same scoring on arbitrary input.
//
// Usage:
//   QuoteScores scores;
//   std::string why;
//   if (!ScoreArticle(analyzer, line, /*join_split=*/true, &scores, /*errors=*/nullptr, &why)) ...
//   std::cout << scores.direct.F();
//
// Scoring, per article (gold offsets are code points = UTF-16 units here; ours are UTF-8 bytes and
// are converted with core/offsets.h):
//   direct    gold = records with quote_type "direct" or "embedded" (a verbatim quotation whose
//             speaker is named inside its marks, as in a quoted transcript), compared on `inner`;
//             predictions = our direct quotes that are not partial (a quotation over several
//             paragraphs is scored as one piece per paragraph, as the gold splits them). Both spans are trimmed of
//             spaces, punctuation and quotation marks; a prediction matches an unmatched gold
//             span when their intersection over union is >= 0.8, one to one, best first. The one
//             exception is PolNeAR's own: an attribution whose content the annotators marked in
//             several pieces (same attr_id, "part" of "parts") is one content span, so a
//             prediction whose span matches the union of consecutive pieces matches them all
//             (off with --no-split-join). Every other unmatched prediction is a false positive.
//   partial   our partial direct quotes (`ensure that "history doesn't repeat itself"`) against
//             PolNeAR's "mixed" records (reported speech with a quoted part) that hold a
//             quotation mark: a prediction is right when at least half of it lies inside such a
//             record's content, a record is found when a right prediction lies in it.
//   all       every direct quote, partial or not, against the direct records alone, for
//             comparison with systems that make no partial/whole distinction.
//   speaker   over matched quotes whose gold has a speaker: correct when our speaker mention
//             overlaps the gold speaker span.
//   indirect  gold = records with quote_type "indirect", compared on the content span; the same
//             matching, except that a prediction inside a "mixed" record (reported speech with a
//             quoted part) is neither right nor wrong: it is counted as ignored.
#ifndef BYLINE_TOOLS_QUOTE_EVAL_H_
#define BYLINE_TOOLS_QUOTE_EVAL_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "core/analyzer.h"

namespace byline::cli {

// tp counts matched predictions, tp_gold matched gold records (more than tp when one prediction
// matches the pieces of one attribution).
struct QuoteCounts {
  int64_t tp = 0, tp_gold = 0, fp = 0, fn = 0, ignored = 0, gold = 0, union_matches = 0;
  int64_t speaker_total = 0, speaker_right = 0;
  double P() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double R() const { return gold ? static_cast<double>(tp_gold) / gold : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  double SpeakerAcc() const {
    return speaker_total ? static_cast<double>(speaker_right) / speaker_total : 0;
  }
};

struct QuoteScores {
  QuoteCounts direct, partial, all, indirect;  // all: direct quotes, partial or not
  int64_t articles = 0, bytes = 0;
  double seconds = 0, quote_seconds = 0;  // analysis time, and the quotation stage's part of it
};

// Scores one line: an article {"text": …, "quotes": [gold records]}. Adds to *scores and, when
// errors is not null, writes the misses and false positives there (one tab-separated line each).
// False with *why, adding nothing, when the line is not a valid article (bad JSON, a record whose
// offsets are not integers, …) or cannot be analyzed.
bool ScoreArticle(const Analyzer& analyzer, const std::string& line, bool join_split,
                  QuoteScores* scores, std::ostream* errors, std::string* why);

}  // namespace byline::cli

#endif  // BYLINE_TOOLS_QUOTE_EVAL_H_
