// CoNLL files for the entity tagger (native tools only): reading, entity scoring, tagging.
//
// Usage:
//   std::vector<byline::cli::ConllDoc> docs;
//   if (!byline::cli::ParseConll(text, &docs, &error)) ...
//   byline::cli::NerScores s;
//   s.Add(gold_tags, predicted_tags);   // per sentence, IOB2 (IOB1 chunks are read conlleval-style)
//   s.Print(std::cout);
#ifndef BYLINE_TOOLS_CONLL_H_
#define BYLINE_TOOLS_CONLL_H_

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace byline::cli {

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // gold, as written ("O" when the file has one column)
  bool docstart = false;          // a -DOCSTART- line came right before this sentence
};

// A document: the sentences between two -DOCSTART- lines (the whole file when it has none).
struct ConllDoc {
  std::vector<ConllSentence> sentences;
  std::vector<std::vector<std::string_view>> Words() const;
};

// First whitespace-separated field is the token, the last is the tag. Blank lines end sentences.
// False with *error (naming the line) for a line with a token but an unreadable tag.
bool ParseConll(std::string_view text, std::vector<ConllDoc>* docs, std::string* error);

// Strict entity-level precision/recall/F1 per type, like conlleval.
class NerScores {
 public:
  void Add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
  double F1(const std::string& type) const;  // "" for overall
  double Precision(const std::string& type) const;
  double Recall(const std::string& type) const;
  void Print(std::ostream& os) const;
  size_t tokens() const { return tokens_; }

 private:
  struct Counts {
    size_t gold = 0, predicted = 0, correct = 0;
  };
  Counts Get(const std::string& type) const;
  std::vector<std::pair<std::string, Counts>> by_type_;
  size_t tokens_ = 0, tokens_correct_ = 0;
};

}  // namespace byline::cli

#endif  // BYLINE_TOOLS_CONLL_H_
