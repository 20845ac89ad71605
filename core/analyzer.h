// Byline: people, organizations, places, dates and quotations in news text.
//
// Usage:
//   byline::Analyzer analyzer;
//   std::string error;
//   if (!analyzer.LoadModel(model_bytes, &error)) {   // optional: without a model
//     std::cerr << error << "\n";                      // entities come from rules only
//   }
//   byline::Analysis a = analyzer.Analyze(text);
//   if (!a.ok()) std::cerr << a.error << "\n";
//   for (const byline::Entity& e : a.entities)
//     std::cout << e.type << " " << text.substr(e.begin, e.end - e.begin) << "\n";
//
// Units: every offset in this library is a UTF-8 *byte* offset into the caller's text, and every span
// is half-open [begin, end). For every span s reported for text t:
//
//     s.begin <= s.end <= t.size(), both on UTF-8 character boundaries, and
//     t.substr(s.begin, s.end - s.begin) is exactly the span's surface text.
//
// The wasm/ layer converts these to UTF-16 code units for JavaScript; nothing else does.
//
// Invalid UTF-8: bytes that are not part of a well-formed UTF-8 sequence are never inside a token and
// never shift the offsets of the valid text around them (Analysis::invalid_utf8_bytes counts them).
//
// Errors are values: no function here throws. Analysis::ok() is false only for input that cannot be
// analyzed at all (larger than kMaxTextBytes); empty text gives an empty, ok analysis.
//
// Ownership and threads: results own no pointers into the text (offsets only). An Analyzer is
// immutable after LoadModel(), and Analyze() is const and safe to call from several threads.
#ifndef BYLINE_CORE_ANALYZER_H_
#define BYLINE_CORE_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

// The largest text Analyze() accepts, in bytes. Larger input gets an error, not a truncation.
inline constexpr size_t kMaxTextBytes = size_t{64} << 20;  // 64 MiB

// A half-open byte range [begin, end) of the caller's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

enum class TokenKind : uint8_t {
  kWord,        // letters, possibly with inner hyphens, apostrophes or periods (U.S., e-mail, don't)
  kNumber,      // 3, 3.5, 1,200, 2023-06-01, 40%
  kPunct,       // . , ; : ! ? ( ) [ ] — – … and friends
  kQuote,       // a quotation mark: " “ ” ‘ ’ « » ‹ › „ ‚ `` '' (also ' when used as a quote)
  kUrl,         // https://example.com/a?b=c, www.example.com
  kEmail,       // someone@example.com
  kSymbol,      // $ € £ % & @ # + and other symbols, emoji
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;     // whitespace (or text start) precedes the token
  bool paragraph_start = false;  // first token after a blank line (or of the text)
};

struct Sentence {
  uint32_t begin = 0;        // byte offsets of the sentence's first and last token
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into Analysis::tokens
  uint32_t last_token = 0;   // one past the last token
};

// type is one of PER ORG LOC MISC (named entities) or DATE TIME MONEY PERCENT QUANTITY.
struct Entity {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string type;
};

enum class QuoteKind : uint8_t { kDirect, kIndirect };

struct Quote {
  uint32_t begin = 0;  // the quoted words, without the quotation marks
  uint32_t end = 0;
  QuoteKind kind = QuoteKind::kDirect;
  // A direct quote woven into the writer's own sentence, not a whole utterance: `ensure that
  // "history doesn't repeat itself"`, `called it a "disaster"` (PolNeAR's "mixed" attributions).
  // Always false for indirect quotes.
  bool partial = false;
  bool has_speaker = false;
  Span speaker;              // the mention the quote is attributed to ("he", "the spokesman", a name)
  std::string speaker_name;  // the fullest name that mention resolves to; empty when unknown
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;  // sorted by begin, then longer first; nested spans allowed
  std::vector<Quote> quotes;     // sorted by begin
  uint32_t invalid_utf8_bytes = 0;
  std::string error;  // empty when ok
  bool ok() const { return error.empty(); }
};

const char* QuoteKindName(QuoteKind kind);  // "direct" or "indirect"

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Loads a model file's bytes (see core/model.h). On failure returns false, sets *error to a
  // sentence a person can act on, and leaves the analyzer as it was.
  bool LoadModel(std::string_view bytes, std::string* error);
  bool has_model() const;

  Analysis Analyze(std::string_view text) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace byline

#endif  // BYLINE_CORE_ANALYZER_H_
