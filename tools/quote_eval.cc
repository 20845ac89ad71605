#include "tools/quote_eval.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/offsets.h"
#include "core/quotes.h"
#include "tools/cli.h"

namespace byline::cli {
namespace {

struct Range {
  int64_t begin = 0, end = 0;  // code points
};

// Trims spaces, punctuation and quotation marks from both ends of [b, e) of the code points cps.
Range Trim(const std::u32string& cps, Range r) {
  auto junk = [](char32_t c) {
    if (c < 128) return !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    return c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0xAB || c == 0xBB || c == 0x3000;
  };
  r.begin = std::max<int64_t>(0, r.begin);
  r.end = std::min<int64_t>(static_cast<int64_t>(cps.size()), r.end);
  while (r.begin < r.end && junk(cps[r.begin])) ++r.begin;
  while (r.end > r.begin && junk(cps[r.end - 1])) --r.end;
  return r;
}

double IoU(Range a, Range b) {
  const int64_t inter = std::max<int64_t>(0, std::min(a.end, b.end) - std::max(a.begin, b.begin));
  const int64_t uni = std::max(a.end, b.end) - std::min(a.begin, b.begin);
  return uni <= 0 ? 0.0 : static_cast<double>(inter) / static_cast<double>(uni);
}

bool Overlaps(Range a, Range b) { return a.begin < b.end && b.begin < a.end; }

bool Inside(Range inner, Range outer) {
  const int64_t inter =
      std::max<int64_t>(0, std::min(inner.end, outer.end) - std::max(inner.begin, outer.begin));
  return inner.end > inner.begin && inter * 2 >= (inner.end - inner.begin);
}

std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c;
    int n = DecodeUtf8(s, i, &c);
    if (n == 0) {
      c = 0xFFFD;
      n = 1;
    }
    out.push_back(c);
    i += n;
  }
  return out;
}

struct Pred {
  Range span;
  bool has_speaker;
  Range speaker;
  int quote;  // index into the analysis' quotes
};

struct Gold {
  Range span;
  bool has_speaker;
  Range speaker;
  std::string attr;  // attr_id: the pieces of one attribution share it
};

// Greedy matching, best IoU first.
void Score(const std::vector<Pred>& preds, const std::vector<Gold>& gold,
           const std::vector<Range>& ignore, bool join_split, QuoteCounts* c,
           std::vector<int>* pred_match, std::vector<bool>* gold_matched = nullptr) {
  struct Pair {
    double iou;
    size_t p, g;
  };
  std::vector<Pair> pairs;
  for (size_t p = 0; p < preds.size(); ++p) {
    for (size_t g = 0; g < gold.size(); ++g) {
      const double iou = IoU(preds[p].span, gold[g].span);
      if (iou >= 0.8) pairs.push_back({iou, p, g});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.iou > b.iou; });
  std::vector<int> pm(preds.size(), -1), gm(gold.size(), -1);
  for (const Pair& x : pairs) {
    if (pm[x.p] >= 0 || gm[x.g] >= 0) continue;
    pm[x.p] = static_cast<int>(x.g);
    gm[x.g] = static_cast<int>(x.p);
  }
  // An attribution the annotators marked in several pieces is one content span: a prediction
  // that fits the union of consecutive unmatched pieces of one attribution matches them all.
  std::vector<std::vector<size_t>> extra(preds.size());
  for (size_t p = 0; join_split && p < preds.size(); ++p) {
    if (pm[p] >= 0) continue;
    Range u{INT64_MAX, 0};
    std::vector<size_t> inside;
    int64_t covered = 0;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (gm[g] >= 0 || gold[g].attr.empty()) continue;
      if (!inside.empty() && gold[g].attr != gold[inside[0]].attr) continue;
      const Range& r = gold[g].span;
      const int64_t inter = std::max<int64_t>(
          0, std::min(r.end, preds[p].span.end) - std::max(r.begin, preds[p].span.begin));
      if (r.end > r.begin && inter * 10 >= (r.end - r.begin) * 9) {
        inside.push_back(g);
        u.begin = std::min(u.begin, r.begin);
        u.end = std::max(u.end, r.end);
        covered += r.end - r.begin;
      }
    }
    if (inside.size() >= 2 && IoU(u, preds[p].span) >= 0.8 &&
        covered * 10 >= (preds[p].span.end - preds[p].span.begin) * 8) {
      pm[p] = static_cast<int>(inside[0]);
      for (size_t g : inside) gm[g] = static_cast<int>(p);
      extra[p].assign(inside.begin() + 1, inside.end());
      c->union_matches += static_cast<int64_t>(inside.size());
    }
  }
  for (size_t p = 0; p < preds.size(); ++p) {
    if (pm[p] >= 0) {
      ++c->tp;
      c->tp_gold += 1 + static_cast<int64_t>(extra[p].size());
      const Gold& g = gold[pm[p]];
      if (g.has_speaker) {
        ++c->speaker_total;
        if (preds[p].has_speaker && Overlaps(preds[p].speaker, g.speaker)) ++c->speaker_right;
      }
      continue;
    }
    bool ign = false;
    for (const Range& r : ignore) ign = ign || Inside(preds[p].span, r);
    if (ign) {
      ++c->ignored;
    } else {
      ++c->fp;
    }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gm[g] < 0) ++c->fn;
  }
  c->gold += static_cast<int64_t>(gold.size());
  if (pred_match) *pred_match = pm;
  if (gold_matched) {
    gold_matched->assign(gold.size(), false);
    for (size_t g = 0; g < gold.size(); ++g) (*gold_matched)[g] = gm[g] >= 0;
  }
}

// A [begin, end) pair of integers, as gold spans are written; false when v is anything else.
bool ReadRange(const nlohmann::json& v, Range* r) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number_integer() || !v[1].is_number_integer()) {
    return false;
  }
  r->begin = v[0].get<int64_t>();
  r->end = v[1].get<int64_t>();
  return r->begin <= r->end;
}

// Checks the fields of a gold record that scoring reads; a message for the first bad one.
bool ValidRecord(const nlohmann::json& r, std::string* why) {
  Range unused;
  if (!r.is_object()) {
    *why = "not a JSON object";
  } else if (!r.contains("start") || !r.contains("end") || !r["start"].is_number_integer() ||
             !r["end"].is_number_integer() || r["start"].get<int64_t>() > r["end"].get<int64_t>()) {
    *why = "\"start\" and \"end\" must be integers, start <= end";
  } else if (r.contains("quote_type") && !r["quote_type"].is_string()) {
    *why = "\"quote_type\" must be a string";
  } else if (r.contains("speaker") && !r["speaker"].is_null() && !ReadRange(r["speaker"], &unused)) {
    *why = "\"speaker\" must be null or [begin, end]";
  } else if (r.contains("inner") && !r["inner"].is_null() && !ReadRange(r["inner"], &unused)) {
    *why = "\"inner\" must be null or [begin, end]";
  } else {
    return true;
  }
  return false;
}

}  // namespace

bool ScoreArticle(const Analyzer& analyzer, const std::string& line, bool join_split,
                  QuoteScores* scores, std::ostream* errors, std::string* why) {
  QuoteCounts& direct = scores->direct;
  QuoteCounts& partial = scores->partial;
  QuoteCounts& all = scores->all;
  QuoteCounts& indirect = scores->indirect;
  nlohmann::json doc;
  if (!ParseTextRecord(line, &doc, why)) return false;
  if (doc.contains("quotes") && !doc["quotes"].is_array()) {
    *why = "\"quotes\" must be an array";
    return false;
  }
  if (doc.contains("quotes")) {
    for (size_t k = 0; k < doc["quotes"].size(); ++k) {
      if (!ValidRecord(doc["quotes"][k], why)) {
        *why = "quote record " + std::to_string(k) + ": " + *why;
        return false;
      }
    }
  }
  const std::string text = doc["text"].get<std::string>();
  const std::u32string cps = CodePoints(text);
  const auto start = std::chrono::steady_clock::now();
  const Analysis a = analyzer.Analyze(text);
  scores->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  {
    // The quotation stage alone (it ran once inside Analyze too), for its share of the time.
    const auto qs = std::chrono::steady_clock::now();
    const std::vector<Quote> again = FindQuotes(text, a.tokens, a.sentences, a.entities);
    scores->quote_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - qs).count();
    if (again.size() != a.quotes.size()) {
      *why = "FindQuotes is not deterministic";
      return false;
    }
  }
  if (!a.ok()) {
    *why = a.error;
    return false;
  }
  ++scores->articles;
  scores->bytes += static_cast<int64_t>(text.size());
  const Utf16Offsets to16(text);

  std::vector<Gold> gold_direct, gold_indirect, gold_mixed;
  std::vector<Range> mixed;  // content spans of mixed records
  const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json& records = doc.contains("quotes") ? doc["quotes"] : empty;
  for (const auto& r : records) {
    const std::string type = r.value("quote_type", "");
    Gold g;
    g.has_speaker = r.contains("speaker") && ReadRange(r["speaker"], &g.speaker);
    if (r.contains("attr_id") && r["attr_id"].is_string()) g.attr = r["attr_id"].get<std::string>();
    const Range content{r["start"].get<int64_t>(), r["end"].get<int64_t>()};
    // Embedded records are verbatim quotations too, whose speaker is named inside the marks
    // ("WALLACE: Let's start ..." in a quoted transcript).
    Range inner;
    if ((type == "direct" || type == "embedded") && r.contains("inner") &&
        ReadRange(r["inner"], &inner)) {
      g.span = Trim(cps, inner);
      gold_direct.push_back(g);
    } else if (type == "indirect") {
      g.span = Trim(cps, content);
      gold_indirect.push_back(g);
    } else {
      g.span = content;
      gold_mixed.push_back(g);
      mixed.push_back(content);
    }
  }
  std::vector<Pred> pred_direct, pred_partial, pred_all, pred_indirect;
  for (size_t qi = 0; qi < a.quotes.size(); ++qi) {
    const Quote& q = a.quotes[qi];
    Pred p;
    p.has_speaker = q.has_speaker;
    p.speaker = {to16(q.speaker.begin), to16(q.speaker.end)};
    p.quote = static_cast<int>(qi);
    if (q.kind == QuoteKind::kIndirect) {
      p.span = Trim(cps, {to16(q.begin), to16(q.end)});
      pred_indirect.push_back(p);
      continue;
    }
    // One piece per paragraph.
    uint32_t b = q.begin;
    for (uint32_t i = q.begin; i <= q.end; ++i) {
      if (i == q.end || text[i] == '\n') {
        Range r = Trim(cps, {to16(b), to16(i)});
        if (r.end > r.begin) {
          p.span = r;
          (q.partial ? pred_partial : pred_direct).push_back(p);
          pred_all.push_back(p);
        }
        b = i + 1;
      }
    }
  }
  std::vector<int> match;
  std::vector<bool> gold_hit;
  Score(pred_direct, gold_direct, {}, join_split, &direct, &match, &gold_hit);
  Score(pred_all, gold_direct, {}, join_split, &all, nullptr);
  std::vector<int> imatch;
  Score(pred_indirect, gold_indirect, mixed, join_split, &indirect, &imatch);
  // Partial quotes: right when at least half lies inside a mixed/embedded record.
  std::vector<bool> mixed_found(gold_mixed.size(), false), partial_right(pred_partial.size());
  for (size_t p = 0; p < pred_partial.size(); ++p) {
    int hit = -1;
    for (size_t g = 0; g < gold_mixed.size() && hit < 0; ++g) {
      if (Inside(pred_partial[p].span, gold_mixed[g].span)) hit = static_cast<int>(g);
    }
    partial_right[p] = hit >= 0;
    if (hit < 0) {
      ++partial.fp;
      continue;
    }
    ++partial.tp;
    mixed_found[hit] = true;
    const Gold& g = gold_mixed[hit];
    if (g.has_speaker) {
      ++partial.speaker_total;
      if (pred_partial[p].has_speaker && Overlaps(pred_partial[p].speaker, g.speaker)) {
        ++partial.speaker_right;
      }
    }
  }
  for (size_t g = 0; g < gold_mixed.size(); ++g) {
    // Only mixed records with a quotation mark in them can hold a partial quote.
    bool marked = false;
    const int64_t stop = std::min<int64_t>(gold_mixed[g].span.end, static_cast<int64_t>(cps.size()));
    for (int64_t k = std::max<int64_t>(0, gold_mixed[g].span.begin); k < stop && !marked; ++k) {
      const char32_t c = cps[k];
      marked = c == '"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB ||
               (c == '\'' && k + 1 < static_cast<int64_t>(cps.size()) && cps[k + 1] == '\'');
    }
    if (!marked) continue;
    ++partial.gold;
    if (mixed_found[g]) {
      ++partial.tp_gold;
    } else {
      ++partial.fn;
    }
  }

  if (errors != nullptr) {
    auto show = [&](Range r) {
      std::string s;
      for (int64_t k = std::max<int64_t>(0, r.begin); k < r.end && k < (int64_t)cps.size(); ++k) {
        char32_t c = cps[k];
        if (c == '\n') c = ' ';
        if (c < 0x80) {
          s += static_cast<char>(c);
        } else if (c < 0x800) {
          s += static_cast<char>(0xC0 | (c >> 6));
          s += static_cast<char>(0x80 | (c & 0x3F));
        } else {
          s += static_cast<char>(0xE0 | (c >> 12));
          s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
          s += static_cast<char>(0x80 | (c & 0x3F));
        }
      }
      return s;
    };
    // Any JSON value may be an id ({"id": 1}, {"id": [1]}); a string is shown as it is.
    const std::string id = !doc.contains("id")        ? ""
                           : doc["id"].is_string()    ? doc["id"].get<std::string>()
                                                      : doc["id"].dump(-1, ' ', false,
                                                                       nlohmann::json::error_handler_t::replace);
    for (size_t p = 0; p < pred_direct.size(); ++p) {
      if (match[p] >= 0) {
        const Gold& g = gold_direct[match[p]];
        if (g.has_speaker && !(pred_direct[p].has_speaker && Overlaps(pred_direct[p].speaker, g.speaker))) {
          *errors << "SPEAKER\t" << id << "\t" << show(pred_direct[p].span).substr(0, 80)
                    << "\tgold=" << show(g.speaker) << "\tgot="
                    << (pred_direct[p].has_speaker ? show(pred_direct[p].speaker) : "-") << "\n";
        }
        continue;
      }
      bool in_mixed = false;
      for (const Range& r : mixed) in_mixed = in_mixed || Inside(pred_direct[p].span, r);
      *errors << (in_mixed ? "FP-MIXED\t" : "FP\t") << id << "\t"
                << show(pred_direct[p].span).substr(0, 120) << "\n";
    }
    for (size_t p = 0; p < pred_partial.size(); ++p) {
      if (!partial_right[p]) {
        *errors << "PARTIAL-FP\t" << id << "\t" << show(pred_partial[p].span).substr(0, 120)
                  << "\n";
      }
    }
    std::vector<bool> igold_hit(gold_indirect.size(), false);
    for (size_t p = 0; p < pred_indirect.size(); ++p) {
      if (imatch[p] >= 0) {
        igold_hit[imatch[p]] = true;
      } else {
        *errors << "INDIRECT-FP\t" << id << "\t" << show(pred_indirect[p].span).substr(0, 160)
                  << "\n";
      }
    }
    for (size_t g = 0; g < gold_indirect.size(); ++g) {
      if (!igold_hit[g]) {
        *errors << "INDIRECT-FN\t" << id << "\t" << show(gold_indirect[g].span).substr(0, 160)
                  << "\n";
      }
    }
    for (size_t g = 0; g < gold_direct.size(); ++g) {
      if (!gold_hit[g]) {
        *errors << "FN\t" << id << "\t" << show(gold_direct[g].span).substr(0, 120) << "\n";
      }
    }
  }
  return true;
}

}  // namespace byline::cli
