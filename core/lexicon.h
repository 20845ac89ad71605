// Word lists the quotation finder compiles in: speech verbs (data/speech_verbs.txt), report words
// (data/report_verbs.txt) and first names with their usual gender (data/first_names.tsv), all
// turned into core/*.inc by scripts/gen_quote_data.js.
//
// Usage:
//   byline::SpeechVerb v = byline::LookupSpeechVerb("told");   // v.is_verb, v.reports_that
//   byline::ReportWord r = byline::LookupReportWord("wants");  // r.to_infinitive
//   byline::Gender g = byline::FirstNameGender("Jens");          // Gender::kMale
//
// Lookups are case-insensitive for ASCII letters and take O(log n); each list is indexed once, on
// first use (thread-safe static initialization). Thread-safety: safe from any thread.
#ifndef BYLINE_CORE_LEXICON_H_
#define BYLINE_CORE_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace byline {

struct SpeechVerb {
  bool is_verb = false;       // a form of a verb of saying (said, tells, tweeted, ...)
  bool reports_that = false;  // it also introduces reported speech: "said (that) ..."
};

SpeechVerb LookupSpeechVerb(std::string_view word);

// A word that attributes a thought, an intention or a finding (data/report_verbs.txt).
struct ReportWord {
  bool to_infinitive = false;  // "wants to ...", "wants Trump to ...", "promised to ..."
  bool raising = false;        // "seems to ...", "appears to ...": content with no speaker
  bool finding = false;        // "shows", "found": "(that) CLAUSE", or a poll's noun phrase
  bool source = false;         // a noun heading a poll, study or document ("poll", "survey")
  bool object = false;         // the object is the content: "cited derogatory comments ..."
  bool noun = false;           // a noun reporting its "that"-clause: "his claim that ..."
  bool think = false;          // a verb of thought with a clause: "I know (that) Americans ..."
  bool as = false;             // a judgement with "NP as ...": "see him as the stronger candidate"
};

ReportWord LookupReportWord(std::string_view word);

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

Gender FirstNameGender(std::string_view name);

// s with A-Z lowered and every other byte as it is: the case folding the lookups above use.
std::string AsciiLower(std::string_view s);

}  // namespace byline

#endif  // BYLINE_CORE_LEXICON_H_
