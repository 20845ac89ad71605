#include "tools/conll.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <tuple>

namespace byline::cli {
namespace {

struct Chunk {
  size_t begin, end;
  std::string type;
  bool operator<(const Chunk& o) const {
    return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type);
  }
};

// conlleval's chunk rules: a chunk starts at B-X, or at I-X after O or after another type.
std::vector<Chunk> Chunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> out;
  std::string open;
  size_t start = 0;
  for (size_t i = 0; i <= tags.size(); ++i) {
    std::string prefix = "O", type;
    if (i < tags.size() && tags[i].size() > 2 && tags[i][1] == '-') {
      prefix = tags[i].substr(0, 1);
      type = tags[i].substr(2);
    }
    const bool continues = prefix == "I" && type == open;
    if (!open.empty() && !continues) {
      out.push_back({start, i, open});
      open.clear();
    }
    if ((prefix == "B" || prefix == "I") && !continues) {
      open = type;
      start = i;
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string_view>> ConllDoc::Words() const {
  std::vector<std::vector<std::string_view>> out(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const std::string& w : sentences[s].words) out[s].push_back(w);
  }
  return out;
}

bool ParseConll(std::string_view text, std::vector<ConllDoc>* docs, std::string* error) {
  docs->clear();
  ConllSentence sent;
  bool pending_docstart = false;
  auto flush = [&]() {
    if (sent.words.empty()) return;
    if (docs->empty() || sent.docstart) docs->emplace_back();
    docs->back().sentences.push_back(std::move(sent));
    sent = ConllSentence();
  };
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string_view> fields;
    size_t p = 0;
    while (p < line.size()) {
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
      size_t q = p;
      while (q < line.size() && line[q] != ' ' && line[q] != '\t') ++q;
      if (q > p) fields.emplace_back(line.substr(p, q - p));
      p = q;
    }
    if (fields.empty()) {
      flush();
      continue;
    }
    if (fields[0] == "-DOCSTART-") {
      flush();
      pending_docstart = true;
      continue;
    }
    std::string tag = fields.size() > 1 ? std::string(fields.back()) : "O";
    if (tag != "O" && !(tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-')) {
      *error = "line " + std::to_string(line_no) + ": '" + tag + "' is not an IOB tag";
      return false;
    }
    if (sent.words.empty()) {
      sent.docstart = pending_docstart;
      pending_docstart = false;
    }
    sent.words.emplace_back(fields[0]);
    sent.tags.push_back(std::move(tag));
  }
  flush();
  return true;
}

void NerScores::Add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  auto slot = [&](const std::string& type) -> Counts& {
    for (auto& [t, c] : by_type_) {
      if (t == type) return c;
    }
    by_type_.emplace_back(type, Counts());
    return by_type_.back().second;
  };
  const std::vector<Chunk> g = Chunks(gold), p = Chunks(predicted);
  for (const Chunk& c : g) ++slot(c.type).gold;
  for (const Chunk& c : p) ++slot(c.type).predicted;
  size_t i = 0, j = 0;
  while (i < g.size() && j < p.size()) {
    if (g[i].begin == p[j].begin && g[i].end == p[j].end && g[i].type == p[j].type) {
      ++slot(g[i].type).correct;
      ++i;
      ++j;
    } else if (std::tie(g[i].begin, g[i].end) < std::tie(p[j].begin, p[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
  for (size_t k = 0; k < gold.size() && k < predicted.size(); ++k) {
    ++tokens_;
    if (gold[k] == predicted[k]) ++tokens_correct_;
  }
}

NerScores::Counts NerScores::Get(const std::string& type) const {
  Counts sum;
  for (const auto& [t, c] : by_type_) {
    if (!type.empty() && t != type) continue;
    sum.gold += c.gold;
    sum.predicted += c.predicted;
    sum.correct += c.correct;
  }
  return sum;
}

double NerScores::Precision(const std::string& type) const {
  const Counts c = Get(type);
  return c.predicted ? 100.0 * c.correct / c.predicted : 0.0;
}
double NerScores::Recall(const std::string& type) const {
  const Counts c = Get(type);
  return c.gold ? 100.0 * c.correct / c.gold : 0.0;
}
double NerScores::F1(const std::string& type) const {
  const double p = Precision(type), r = Recall(type);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void NerScores::Print(std::ostream& os) const {
  std::vector<std::string> types;
  for (const auto& [t, c] : by_type_) types.push_back(t);
  std::sort(types.begin(), types.end());
  os << std::fixed << std::setprecision(2);
  os << "type      precision   recall       F1     gold  predicted  correct\n";
  auto row = [&](const std::string& name, const std::string& type) {
    const Counts c = Get(type);
    os << std::left << std::setw(8) << name << std::right << std::setw(11) << Precision(type)
       << std::setw(9) << Recall(type) << std::setw(9) << F1(type) << std::setw(9) << c.gold
       << std::setw(11) << c.predicted << std::setw(9) << c.correct << "\n";
  };
  for (const std::string& t : types) row(t, t);
  row("overall", "");
  os << "tokens: " << tokens_ << ", token accuracy "
     << (tokens_ ? 100.0 * tokens_correct_ / tokens_ : 0.0) << "%\n";
}

}  // namespace byline::cli
