// byline clusters: hierarchical word clusters from unlabeled news, for the entity tagger.
//
// Each word of the vocabulary is described by its neighbours: the PPMI-weighted counts of the
// (case-folded) frequent words just left and just right of it. The words are then split in two by
// spherical 2-means, each half split again, and so on (divisive hierarchical clustering). A word's
// cluster is its path from the root, a bit string like Brown clusters', so prefixes of several
// lengths give coarser and finer classes.
//
// Output: "BITS<TAB>WORD<TAB>COUNT" lines, the format core/ner_features.h reads.
#include <cxxopts.hpp>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/cli.h"

namespace byline::cli {
namespace {

bool IsOpenPunct(char c) { return c == '(' || c == '"' || c == '[' || c == '{' || c == '`' || c == '\''; }
bool IsClosePunct(char c) {
  return c == ')' || c == '"' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?' || c == '.' || c == '\'';
}

// CoNLL-like tokens: punctuation split off words, "'s" and "n't" split like the Penn Treebank.
void TokenizeLine(std::string_view text, std::vector<std::string>* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t')) ++pos;
    size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') ++end;
    std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    std::vector<std::string> tail;
    while (!chunk.empty() && IsOpenPunct(chunk.front())) {
      out->emplace_back(1, chunk.front());
      chunk.remove_prefix(1);
    }
    while (!chunk.empty() && IsClosePunct(chunk.back())) {
      // Keep the final period of abbreviations like U.S. and Inc.
      if (chunk.back() == '.' && chunk.size() > 1 &&
          (chunk.find('.') < chunk.size() - 1 || chunk == "Inc." || chunk == "Corp." ||
           chunk == "Co." || chunk == "Ltd." || chunk == "Mr." || chunk == "Mrs." || chunk == "Dr." ||
           chunk == "St." || chunk == "Jr.")) {
        break;
      }
      tail.emplace_back(1, chunk.back());
      chunk.remove_suffix(1);
    }
    if (chunk.size() > 2 && (chunk.substr(chunk.size() - 2) == "'s" || chunk.substr(chunk.size() - 2) == "'S")) {
      out->emplace_back(chunk.substr(0, chunk.size() - 2));
      out->emplace_back(chunk.substr(chunk.size() - 2));
    } else if (chunk.size() > 3 && chunk.substr(chunk.size() - 3) == "n't") {
      out->emplace_back(chunk.substr(0, chunk.size() - 3));
      out->emplace_back("n't");
    } else if (!chunk.empty()) {
      out->emplace_back(chunk);
    }
    for (size_t k = tail.size(); k-- > 0;) out->push_back(std::move(tail[k]));
  }
}

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  }
  return s;
}

struct SparseVec {
  std::vector<uint32_t> idx;
  std::vector<float> val;
};

}  // namespace

int RunClusters(int argc, char** argv) {
  cxxopts::Options options("byline clusters",
                           "Hierarchical word clusters (bit strings) from unlabeled JSONL news.");
  options.add_options()
      ("out", "output file (BITS TAB WORD TAB COUNT lines)", cxxopts::value<std::string>())
      ("min-count", "least frequency of a clustered word", cxxopts::value<int>()->default_value("3"))
      ("max-words", "at most this many words (the most frequent)", cxxopts::value<int>()->default_value("60000"))
      ("contexts", "number of context words (the most frequent, case-folded)", cxxopts::value<int>()->default_value("2000"))
      ("depth", "depth of the cluster tree (bits)", cxxopts::value<int>()->default_value("16"))
      ("min-leaf", "do not split groups smaller than this", cxxopts::value<int>()->default_value("4"))
      ("seed", "seed", cxxopts::value<uint32_t>()->default_value("1"))
      ("files", "docs.jsonl files", cxxopts::value<std::vector<std::string>>())
      ("h,help", "this help");
  options.parse_positional({"files"});
  auto args = options.parse(argc, argv);
  if (args.count("help") || !args.count("out") || !args.count("files")) {
    std::cerr << options.help() << "\n";
    return args.count("help") ? 0 : 2;
  }
  // 1. Tokens, as ids.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::vector<uint32_t> corpus;  // token ids; UINT32_MAX between paragraphs
  const uint32_t kBreak = UINT32_MAX;
  std::vector<std::string> toks;
  for (const std::string& path : args["files"].as<std::vector<std::string>>()) {
    std::ifstream in(path);
    if (!in) {
      std::cerr << "byline clusters: cannot open '" << path << "'\n";
      return 1;
    }
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        std::cerr << "byline clusters: " << path << ":" << line_no << ": no \"text\" string\n";
        return 1;
      }
      const std::string& text = j["text"].get_ref<const std::string&>();
      size_t p = 0;
      while (p < text.size()) {
        size_t q = text.find("\n\n", p);
        if (q == std::string::npos) q = text.size();
        toks.clear();
        TokenizeLine(std::string_view(text).substr(p, q - p), &toks);
        for (std::string& t : toks) {
          auto [it, added] = ids.emplace(t, static_cast<uint32_t>(words.size()));
          if (added) {
            words.push_back(t);
            counts.push_back(0);
          }
          ++counts[it->second];
          corpus.push_back(it->second);
        }
        corpus.push_back(kBreak);
        p = q + 2;
      }
    }
    std::cerr << path << ": " << corpus.size() << " tokens so far\n";
  }
  // 2. Vocabulary (most frequent first, ties by spelling) and context words.
  std::vector<uint32_t> order(words.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : words[a] < words[b];
  });
  const size_t max_words = args["max-words"].as<int>();
  const uint64_t min_count = args["min-count"].as<int>();
  std::vector<int32_t> vocab_of(words.size(), -1);
  std::vector<uint32_t> vocab;
  for (uint32_t id : order) {
    if (vocab.size() >= max_words || counts[id] < min_count) break;
    vocab_of[id] = static_cast<int32_t>(vocab.size());
    vocab.push_back(id);
  }
  std::unordered_map<std::string, uint64_t> lower_counts;
  for (uint32_t i = 0; i < words.size(); ++i) lower_counts[Lower(words[i])] += counts[i];
  std::vector<std::pair<uint64_t, std::string>> lc;
  for (auto& [w, n] : lower_counts) lc.emplace_back(n, w);
  std::sort(lc.begin(), lc.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  const size_t num_contexts = std::min<size_t>(args["contexts"].as<int>(), lc.size());
  std::unordered_map<std::string, uint32_t> context_index;
  for (size_t k = 0; k < num_contexts; ++k) context_index.emplace(lc[k].second, k);
  std::vector<int32_t> context_of(words.size(), -1);
  for (uint32_t i = 0; i < words.size(); ++i) {
    auto it = context_index.find(Lower(words[i]));
    if (it != context_index.end()) context_of[i] = static_cast<int32_t>(it->second);
  }
  // Dimensions: left context c -> c, right context c -> num_contexts + c; plus a boundary each.
  const uint32_t dims = 2 * (num_contexts + 1);
  const uint32_t left_break = num_contexts, right_break = 2 * num_contexts + 1;
  // Context occurrences per word, as dimension ids (sorted and counted below).
  std::vector<std::vector<uint32_t>> occ(vocab.size());
  for (size_t k = 0; k < corpus.size(); ++k) {
    if (corpus[k] == kBreak) continue;
    const int32_t v = vocab_of[corpus[k]];
    if (v < 0) continue;
    const uint32_t prev = k > 0 ? corpus[k - 1] : kBreak;
    const uint32_t next = k + 1 < corpus.size() ? corpus[k + 1] : kBreak;
    if (prev == kBreak) {
      occ[v].push_back(left_break);
    } else if (context_of[prev] >= 0) {
      occ[v].push_back(context_of[prev]);
    }
    if (next == kBreak) {
      occ[v].push_back(right_break);
    } else if (context_of[next] >= 0) {
      occ[v].push_back(num_contexts + 1 + context_of[next]);
    }
  }
  corpus.clear();
  corpus.shrink_to_fit();
  std::vector<std::vector<std::pair<uint32_t, float>>> cooc(vocab.size());
  for (size_t v = 0; v < vocab.size(); ++v) {
    std::sort(occ[v].begin(), occ[v].end());
    for (size_t k = 0; k < occ[v].size();) {
      size_t j = k;
      while (j < occ[v].size() && occ[v][j] == occ[v][k]) ++j;
      cooc[v].emplace_back(occ[v][k], static_cast<float>(j - k));
      k = j;
    }
    std::vector<uint32_t>().swap(occ[v]);
  }
  // 3. PPMI with context-distribution smoothing (alpha 0.75), unit length.
  std::vector<double> ctx_total(dims, 0);
  for (const auto& m : cooc) {
    for (const auto& [d, n] : m) ctx_total[d] += n;
  }
  double smooth_total = 0;
  for (double& c : ctx_total) {
    c = std::pow(c, 0.75);
    smooth_total += c;
  }
  std::vector<SparseVec> vecs(vocab.size());
  for (size_t v = 0; v < vocab.size(); ++v) {
    double row = 0;
    for (const auto& [d, n] : cooc[v]) row += n;
    std::vector<std::pair<uint32_t, float>> entries;
    double norm = 0;
    for (const auto& [d, n] : cooc[v]) {
      const double pmi = std::log((n / row) / (ctx_total[d] / smooth_total));
      if (pmi <= 0) continue;
      entries.emplace_back(d, static_cast<float>(pmi));
      norm += pmi * pmi;
    }
    std::sort(entries.begin(), entries.end());
    norm = norm > 0 ? std::sqrt(norm) : 1;
    for (const auto& [d, x] : entries) {
      vecs[v].idx.push_back(d);
      vecs[v].val.push_back(static_cast<float>(x / norm));
    }
  }
  cooc.clear();
  cooc.shrink_to_fit();
  std::cerr << "vocabulary " << vocab.size() << " words, " << num_contexts << " context words\n";

  // 4. Divisive spherical 2-means.
  const int max_depth = std::min(args["depth"].as<int>(), 30);
  const size_t min_leaf = args["min-leaf"].as<int>();
  std::mt19937 rng(args["seed"].as<uint32_t>());
  std::vector<uint32_t> bits(vocab.size(), 0);
  std::vector<uint8_t> depth(vocab.size(), 0);
  auto dot = [&](const SparseVec& x, const std::vector<float>& c) {
    float s = 0;
    for (size_t k = 0; k < x.idx.size(); ++k) s += x.val[k] * c[x.idx[k]];
    return s;
  };
  std::vector<std::vector<uint32_t>> groups = {std::vector<uint32_t>(vocab.size())};
  for (uint32_t v = 0; v < vocab.size(); ++v) groups[0][v] = v;
  for (int level = 0; level < max_depth; ++level) {
    std::vector<std::vector<uint32_t>> next;
    for (std::vector<uint32_t>& g : groups) {
      if (g.size() < min_leaf) continue;
      // Seeds: a random member, then the member least like it.
      std::vector<float> c0(dims, 0), c1(dims, 0);
      uint32_t a = g[rng() % g.size()];
      for (int tries = 0; tries < 32 && vecs[a].idx.empty(); ++tries) a = g[rng() % g.size()];
      for (size_t k = 0; k < vecs[a].idx.size(); ++k) c0[vecs[a].idx[k]] = vecs[a].val[k];
      uint32_t b = g[0];
      float worst = 2;
      for (uint32_t v : g) {
        const float s = dot(vecs[v], c0);
        if (v != a && !vecs[v].idx.empty() && s < worst) {
          worst = s;
          b = v;
        }
      }
      for (size_t k = 0; k < vecs[b].idx.size(); ++k) c1[vecs[b].idx[k]] = vecs[b].val[k];
      std::vector<uint8_t> side(g.size(), 0);
      for (int iter = 0; iter < 8; ++iter) {
        bool changed = false;
        for (size_t k = 0; k < g.size(); ++k) {
          const uint8_t s = dot(vecs[g[k]], c1) > dot(vecs[g[k]], c0) ? 1 : 0;
          if (s != side[k]) changed = true;
          side[k] = s;
        }
        if (!changed && iter > 0) break;
        std::fill(c0.begin(), c0.end(), 0.0f);
        std::fill(c1.begin(), c1.end(), 0.0f);
        for (size_t k = 0; k < g.size(); ++k) {
          std::vector<float>& c = side[k] ? c1 : c0;
          const SparseVec& x = vecs[g[k]];
          for (size_t j = 0; j < x.idx.size(); ++j) c[x.idx[j]] += x.val[j];
        }
        for (std::vector<float>* c : {&c0, &c1}) {
          double n = 0;
          for (float x : *c) n += double{x} * x;
          n = n > 0 ? std::sqrt(n) : 1;
          for (float& x : *c) x = static_cast<float>(x / n);
        }
      }
      std::vector<uint32_t> left, right;
      for (size_t k = 0; k < g.size(); ++k) (side[k] ? right : left).push_back(g[k]);
      if (left.empty() || right.empty()) continue;
      for (uint32_t v : right) bits[v] |= 1u << level;
      for (uint32_t v : g) depth[v] = static_cast<uint8_t>(level + 1);
      next.push_back(std::move(left));
      next.push_back(std::move(right));
    }
    groups = std::move(next);
    std::cerr << "level " << level + 1 << ": " << groups.size() << " groups split\n";
    if (groups.empty()) break;
  }
  // 5. Write: bit strings root first.
  std::ofstream out(args["out"].as<std::string>(), std::ios::binary);
  for (size_t v = 0; v < vocab.size(); ++v) {
    std::string b;
    for (int k = 0; k < depth[v]; ++k) b.push_back((bits[v] >> k & 1) ? '1' : '0');
    if (b.empty()) b = "0";
    out << b << '\t' << words[vocab[v]] << '\t' << counts[vocab[v]] << '\n';
  }
  if (!out) {
    std::cerr << "byline clusters: cannot write '" << args["out"].as<std::string>() << "'\n";
    return 1;
  }
  return 0;
}

}  // namespace byline::cli
