// The JavaScript face of byline::Analyzer (Embind). The only file that includes <emscripten/bind.h>;
// web/byline.js wraps it into the public JavaScript API.
//
// Usage (JavaScript):
//   const core = await createBylineModule({wasmBinary});  // byline-core.js, an ES module
//   const analyzer = new core.Analyzer();
//   const error = analyzer.loadModel(modelUint8Array);  // "" on success, else the reason
//   const r = analyzer.analyze(text);                   // analyze(text, true) adds r.tokens
//   if (!r.ok) console.error(r.error);
//   for (const e of r.entities) console.log(e.type, text.slice(e.begin, e.end));
//   analyzer.delete();                                  // Embind objects are freed by hand
//
// Result: {ok, error, entities: [{begin, end, type}],
//          quotes: [{begin, end, kind, speaker: {begin, end} | null, speakerName: string | null}],
//          sentences: [{begin, end}], tokens: [{begin, end}] (only when asked), invalidUtf8Bytes}.
//
// Units: every offset handed to JavaScript is in UTF-16 code units, what String.prototype.slice()
// indexes; the core's UTF-8 byte offsets are converted here, once, by byline::Utf16Offsets. Text
// passed as a JavaScript string arrives as UTF-8; text passed as a Uint8Array arrives byte for byte
// (invalid UTF-8 then counts one unit per byte, as a browser shows one U+FFFD per byte).
//
// Errors are values: neither function throws. Bad input gives ok = false and a message.
//
// Memory: the module grows to at most 2 GB (cmake/wasm.cmake). The core needs about 60-70 bytes of
// heap per byte of news text, and up to ~330 for hostile text (nothing but quotation marks), so
// texts over kMaxWebTextBytes are refused here with a message rather than risking running out of
// memory, which would abort the module (web/byline.js then reports it and the analyzer is dead).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <cstddef>
#include <string>

#include "core/analyzer.h"
#include "core/offsets.h"

namespace byline {
namespace {

using emscripten::val;

// The largest text analyzed at once on the web (the core alone accepts up to kMaxTextBytes).
constexpr size_t kMaxWebTextBytes = size_t{8} << 20;  // 8 MiB

class JsAnalyzer {
 public:
  // Returns "" when the model loaded, else a message; the analyzer is unchanged on failure.
  std::string LoadModel(const std::string& bytes) {
    std::string error;
    if (analyzer_.LoadModel(bytes, &error)) return "";
    return error.empty() ? "the model could not be loaded" : error;
  }

  bool HasModel() const { return analyzer_.has_model(); }

  val Analyze(const std::string& text) const { return AnalyzeImpl(text, false); }
  val AnalyzeWithTokens(const std::string& text, bool with_tokens) const {
    return AnalyzeImpl(text, with_tokens);
  }

 private:
  val AnalyzeImpl(const std::string& text, bool with_tokens) const {
    Analysis a;
    if (text.size() > kMaxWebTextBytes) {
      a.error = "text too large: " + std::to_string(text.size()) +
                " bytes; Byline on the web analyzes at most " + std::to_string(kMaxWebTextBytes) +
                " bytes (8 MiB) at once";
    } else {
      a = analyzer_.Analyze(text);
    }
    val result = val::object();
    result.set("ok", a.ok());
    result.set("error", a.error);
    result.set("invalidUtf8Bytes", a.invalid_utf8_bytes);
    val entities = val::array();
    val quotes = val::array();
    val sentences = val::array();
    if (a.ok()) {
      const Utf16Offsets to16(text);
      auto span = [&to16](uint32_t begin, uint32_t end) {
        val s = val::object();
        s.set("begin", to16(begin));
        s.set("end", to16(end));
        return s;
      };
      for (const Entity& e : a.entities) {
        val j = span(e.begin, e.end);
        j.set("type", e.type);
        entities.call<void>("push", j);
      }
      for (const Quote& q : a.quotes) {
        val j = span(q.begin, q.end);
        j.set("kind", std::string(QuoteKindName(q.kind)));
        j.set("partial", q.partial);
        j.set("speaker", q.has_speaker ? span(q.speaker.begin, q.speaker.end) : val::null());
        j.set("speakerName", q.speaker_name.empty() ? val::null() : val(q.speaker_name));
        quotes.call<void>("push", j);
      }
      for (const Sentence& s : a.sentences) sentences.call<void>("push", span(s.begin, s.end));
      if (with_tokens) {
        val tokens = val::array();
        for (const Token& t : a.tokens) tokens.call<void>("push", span(t.begin, t.end));
        result.set("tokens", tokens);
      }
    }
    result.set("entities", entities);
    result.set("quotes", quotes);
    result.set("sentences", sentences);
    return result;
  }

  Analyzer analyzer_;
};

// The most memory the module may grow to, in bytes (so that web/byline.js can tell an abort for
// want of memory from any other).
double HeapMax() { return static_cast<double>(emscripten_get_heap_max()); }

EMSCRIPTEN_BINDINGS(byline) {
  emscripten::function("heapMax", &HeapMax);
  emscripten::class_<JsAnalyzer>("Analyzer")
      .constructor<>()
      .function("loadModel", &JsAnalyzer::LoadModel)
      .function("hasModel", &JsAnalyzer::HasModel)
      .function("analyze", &JsAnalyzer::Analyze)
      .function("analyze", &JsAnalyzer::AnalyzeWithTokens);
}

}  // namespace
}  // namespace byline
