// byline train, eval-ner and tag-conll: the entity model's training and evaluation on CoNLL files.
#include <cxxopts.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "core/entity_tagger.h"
#include "core/model.h"
#include "core/ner_features.h"
#include "tools/cli.h"
#include "tools/conll.h"
#include "tools/ner_trainer.h"

namespace byline::cli {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of this thread: on a busy machine, wall time measures the neighbours too.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct LoadedTagger {
  std::string bytes;
  ModelFile model;
  std::unique_ptr<EntityTagger> tagger;
};

bool LoadTagger(const std::string& flag_path, LoadedTagger* out, std::string* error) {
  const std::string path = flag_path.empty() ? DefaultModelPath() : flag_path;
  if (path.empty()) {
    *error = "no model found: pass --model PATH or set BYLINE_MODEL (looked for models/byline-ner.bin)";
    return false;
  }
  if (!ReadFile(path, &out->bytes, error)) return false;
  if (!ModelFile::Parse(out->bytes, &out->model, error)) {
    *error = path + ": " + *error;
    return false;
  }
  out->tagger = EntityTagger::FromModel(out->model, error);
  if (!out->tagger) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

bool ReadConllFile(const std::string& path, std::vector<ConllDoc>* docs, std::string* error) {
  std::string text;
  if (!ReadFile(path, &text, error)) return false;
  if (!ParseConll(text, docs, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

// Gold tags as ids; an I-X that does not continue an X entity is read as B-X (IOB1 input).
std::vector<int> GoldIds(const std::vector<std::string>& tags) {
  std::vector<int> out(tags.size(), 0);
  for (size_t i = 0; i < tags.size(); ++i) {
    int t = ner::TagFromName(tags[i]);
    if (t < 0) t = 0;
    if (ner::IsInside(t) && !ner::TransitionAllowed(i == 0 ? -1 : out[i - 1], t)) --t;
    out[i] = t;
  }
  return out;
}

std::vector<std::string> TagNames(const std::vector<int>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int t : ids) out.emplace_back(ner::TagName(t));
  return out;
}

// The training material of one pass: features and gold tags of every sentence, doc by doc.
struct Corpus {
  std::vector<ConllDoc> docs;
  std::vector<std::vector<std::vector<std::string_view>>> words;  // [doc][sentence][token]
  std::vector<std::vector<int>> gold;                             // flattened sentences
  std::vector<size_t> doc_of;                                     // flattened sentence -> doc
};

void Prepare(Corpus* c) {
  for (size_t d = 0; d < c->docs.size(); ++d) {
    c->words.push_back(c->docs[d].Words());
    for (const ConllSentence& s : c->docs[d].sentences) {
      c->gold.push_back(GoldIds(s.tags));
      c->doc_of.push_back(d);
    }
  }
}

std::vector<ner::SentenceFeatures> ExtractAll(
    const Corpus& c, const ner::FeatureExtractor& fx,
    const std::vector<std::vector<std::vector<ner::DocHint>>>* hints) {
  std::vector<ner::SentenceFeatures> out;
  out.reserve(c.gold.size());
  for (size_t d = 0; d < c.words.size(); ++d) {
    for (size_t s = 0; s < c.words[d].size(); ++s) {
      out.emplace_back();
      fx.Extract(c.words[d][s], hints ? (*hints)[d][s].data() : nullptr, &out.back());
    }
  }
  return out;
}

// Tags every sentence with p; returns [doc][sentence] tags.
std::vector<std::vector<std::vector<int>>> TagAll(const Corpus& c, const Perceptron& p,
                                                  const std::vector<ner::SentenceFeatures>& f) {
  std::vector<std::vector<std::vector<int>>> out(c.words.size());
  for (size_t k = 0; k < f.size(); ++k) out[c.doc_of[k]].push_back(p.Decode(f[k]));
  return out;
}

std::vector<std::vector<std::vector<ner::DocHint>>> Hints(
    const Corpus& c, const std::vector<std::vector<std::vector<int>>>& tags) {
  std::vector<std::vector<std::vector<ner::DocHint>>> out(c.words.size());
  for (size_t d = 0; d < c.words.size(); ++d) out[d] = ner::ComputeDocHints(c.words[d], tags[d]);
  return out;
}

double F1Of(const Corpus& c, const std::vector<std::vector<std::vector<int>>>& tags) {
  NerScores scores;
  size_t k = 0;
  for (size_t d = 0; d < tags.size(); ++d) {
    for (const std::vector<int>& t : tags[d]) scores.Add(TagNames(c.gold[k++]), TagNames(t));
  }
  return scores.F1("");
}

bool LoadGazetteers(const std::string& dir, ner::Gazetteers* gaz, std::string* error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  if (ec) {
    *error = "cannot list gazetteer directory '" + dir + "': " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  if (files.size() > 16) {
    *error = "too many gazetteer lists in '" + dir + "' (" + std::to_string(files.size()) +
             "); the tagger takes at most 16";
    return false;
  }
  for (const auto& f : files) {
    std::string text;
    if (!ReadFile(f.string(), &text, error)) return false;
    gaz->AddList(f.stem().string(), text);
    std::cerr << "gazetteer " << f.stem().string() << ": " << gaz->list_size(gaz->num_lists() - 1)
              << " entries\n";
  }
  return true;
}

}  // namespace

int RunTrain(int argc, char** argv) {
  cxxopts::Options options("byline train", "Train the entity tagger on CoNLL files.");
  options.add_options()
      ("train", "training CoNLL file", cxxopts::value<std::string>())
      ("dev", "development CoNLL file (scores per epoch)", cxxopts::value<std::string>())
      ("clusters", "word clusters: BITS<TAB>WORD lines (byline clusters)", cxxopts::value<std::string>()->default_value(""))
      ("gazetteers", "directory of gazetteer lists (*.txt)", cxxopts::value<std::string>()->default_value(""))
      ("out", "model file to write", cxxopts::value<std::string>())
      ("epochs", "perceptron epochs", cxxopts::value<int>()->default_value("15"))
      ("seed", "shuffling seed", cxxopts::value<uint32_t>()->default_value("1"))
      ("min-count", "keep features seen at least this often", cxxopts::value<int>()->default_value("2"))
      ("min-abs", "drop features whose largest averaged weight is below this", cxxopts::value<float>()->default_value("0"))
      ("mix", "average this many perceptrons trained with different seeds", cxxopts::value<int>()->default_value("5"))
      ("folds", "jackknife folds for the document-level pass (0: one pass only)", cxxopts::value<int>()->default_value("5"))
      ("version", "version string stored in ner.meta", cxxopts::value<std::string>()->default_value("byline-ner"))
      ("h,help", "this help");
  auto args = options.parse(argc, argv);
  if (args.count("help") || !args.count("train") || !args.count("out")) {
    std::cerr << options.help() << "\n";
    return args.count("help") ? 0 : 2;
  }
  const auto start = Clock::now();
  std::string error;
  Corpus train, dev;
  if (!ReadConllFile(args["train"].as<std::string>(), &train.docs, &error) ||
      (args.count("dev") && !ReadConllFile(args["dev"].as<std::string>(), &dev.docs, &error))) {
    std::cerr << "byline train: " << error << "\n";
    return 1;
  }
  Prepare(&train);
  Prepare(&dev);

  ner::WordClusters clusters;
  if (const std::string path = args["clusters"].as<std::string>(); !path.empty()) {
    std::string text;
    if (!ReadFile(path, &text, &error) || !clusters.ParseText(text, &error)) {
      std::cerr << "byline train: " << path << ": " << error << "\n";
      return 1;
    }
    std::cerr << "clusters: " << clusters.num_words() << " words in " << clusters.num_clusters()
              << " clusters\n";
  }
  ner::Gazetteers gazetteers;
  if (const std::string dir = args["gazetteers"].as<std::string>(); !dir.empty()) {
    if (!LoadGazetteers(dir, &gazetteers, &error)) {
      std::cerr << "byline train: " << error << "\n";
      return 1;
    }
  }
  const ner::FeatureExtractor fx(clusters.empty() ? nullptr : &clusters,
                                 gazetteers.num_lists() ? &gazetteers : nullptr);
  const int epochs = args["epochs"].as<int>();
  const uint32_t seed = args["seed"].as<uint32_t>();
  const int min_count = args["min-count"].as<int>();
  const int folds = args["folds"].as<int>();
  const int mix = std::max(1, args["mix"].as<int>());
  // Trains mix-1 more perceptrons like p with other seeds and averages them into p.
  auto mix_in = [&](Perceptron* p, const std::vector<ner::SentenceFeatures>& data,
                    const std::vector<ner::SentenceFeatures>& dev_data) {
    if (mix < 2) return true;
    std::vector<Perceptron> more(mix - 1);
    std::vector<const Perceptron*> ptrs;
    for (int k = 0; k < mix - 1; ++k) {
      more[k].BuildIndex(data, min_count);
      more[k].Train(data, train.gold, epochs, seed + 1000 * (k + 1), nullptr);
      ptrs.push_back(&more[k]);
    }
    if (!p->MixWith(ptrs)) return false;
    if (!dev.docs.empty()) {
      std::cerr << "  mixed " << mix << " perceptrons: dev F1 " << F1Of(dev, TagAll(dev, *p, dev_data))
                << " (" << Seconds(start) << " s)\n";
    }
    return true;
  };

  // Pass 1: no document-level features.
  const std::vector<ner::SentenceFeatures> train1 = ExtractAll(train, fx, nullptr);
  const std::vector<ner::SentenceFeatures> dev1 = ExtractAll(dev, fx, nullptr);
  Perceptron pass1;
  pass1.BuildIndex(train1, min_count);
  std::cerr << "pass 1: " << pass1.num_features() << " features\n";
  pass1.Train(train1, train.gold, epochs, seed, [&](int epoch) {
    if (dev.docs.empty()) return;
    std::cerr << "  epoch " << epoch << " dev F1 " << F1Of(dev, TagAll(dev, pass1, dev1)) << " ("
              << Seconds(start) << " s)\n";
  });
  if (!mix_in(&pass1, train1, dev1)) {
    std::cerr << "byline train: internal error: feature indexes differ between seeds\n";
    return 1;
  }

  ModelWriter writer;
  writer.Add("ner.meta", args["version"].as<std::string>() + " epochs=" + std::to_string(epochs) +
                             " seed=" + std::to_string(seed) + " folds=" + std::to_string(folds) +
                             " mix=" + std::to_string(mix));
  if (!clusters.empty()) writer.Add("ner.clusters", clusters.Serialize());
  if (gazetteers.num_lists()) writer.Add("ner.gazetteers", gazetteers.Serialize());
  const float min_abs = args["min-abs"].as<float>();
  if (folds > 1) {
    // Jackknife: first-pass tags of each training document come from a model that did not see it.
    std::vector<std::vector<std::vector<int>>> train_tags(train.docs.size());
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<ner::SentenceFeatures> part;
      std::vector<std::vector<int>> part_gold;
      for (size_t k = 0; k < train1.size(); ++k) {
        if (static_cast<int>(train.doc_of[k] % folds) == fold) continue;
        part.push_back(train1[k]);
        part_gold.push_back(train.gold[k]);
      }
      Perceptron p;
      p.BuildIndex(part, min_count);
      p.Train(part, part_gold, epochs, seed + fold + 1, nullptr);
      for (size_t k = 0; k < train1.size(); ++k) {
        if (static_cast<int>(train.doc_of[k] % folds) == fold) {
          train_tags[train.doc_of[k]].push_back(p.Decode(train1[k]));
        }
      }
      std::cerr << "  fold " << fold + 1 << "/" << folds << " done (" << Seconds(start) << " s)\n";
    }
    const auto train_hints = Hints(train, train_tags);
    const std::vector<ner::SentenceFeatures> train2 = ExtractAll(train, fx, &train_hints);
    const auto dev_hints = Hints(dev, TagAll(dev, pass1, dev1));
    const std::vector<ner::SentenceFeatures> dev2 = ExtractAll(dev, fx, &dev_hints);
    Perceptron pass2;
    pass2.BuildIndex(train2, min_count);
    std::cerr << "pass 2: " << pass2.num_features() << " features\n";
    pass2.Train(train2, train.gold, epochs, seed, [&](int epoch) {
      if (dev.docs.empty()) return;
      std::cerr << "  epoch " << epoch << " dev F1 " << F1Of(dev, TagAll(dev, pass2, dev2)) << " ("
                << Seconds(start) << " s)\n";
    });
    if (!mix_in(&pass2, train2, dev2)) {
      std::cerr << "byline train: internal error: feature indexes differ between seeds\n";
      return 1;
    }
    writer.Add("ner.weights", SerializeWeights({&pass1, &pass2}, min_abs));
  } else {
    writer.Add("ner.weights", SerializeWeights({&pass1}, min_abs));
  }

  const std::string file = writer.Finish();
  const std::string out_path = args["out"].as<std::string>();
  {
    std::ofstream out(out_path, std::ios::binary);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out) {
      std::cerr << "byline train: cannot write '" << out_path << "'\n";
      return 1;
    }
  }
  std::cerr << "wrote " << out_path << " (" << file.size() << " bytes) in " << Seconds(start) << " s\n";

  // Score the written file exactly as it will be used.
  if (!dev.docs.empty()) {
    LoadedTagger t;
    if (!LoadTagger(out_path, &t, &error)) {
      std::cerr << "byline train: the written model does not load: " << error << "\n";
      return 1;
    }
    NerScores scores;
    for (const ConllDoc& doc : dev.docs) {
      const auto tags = t.tagger->TagDocument(doc.Words());
      for (size_t s = 0; s < doc.sentences.size(); ++s) scores.Add(doc.sentences[s].tags, tags[s]);
    }
    std::cout << "dev (" << args["dev"].as<std::string>() << "), model as written:\n";
    scores.Print(std::cout);
  }
  return 0;
}

// Parses `byline NAME [--model M] FILE`, loads the tagger and reads the CoNLL file. Returns -1 when
// the command should go on, else the exit code.
static int LoadTaggerAndConll(const std::string& name, const std::string& description, int argc,
                       char** argv, LoadedTagger* t, std::vector<ConllDoc>* docs) {
  cxxopts::Options options("byline " + name, description);
  options.add_options()("model", "model file", cxxopts::value<std::string>()->default_value(""))(
      "file", "CoNLL file (- for stdin)", cxxopts::value<std::string>())("h,help", "this help");
  options.parse_positional({"file"});
  auto args = options.parse(argc, argv);
  if (args.count("help") || !args.count("file")) {
    std::cerr << options.help() << "\n";
    return args.count("help") ? 0 : 2;
  }
  std::string error;
  if (!LoadTagger(args["model"].as<std::string>(), t, &error) ||
      !ReadConllFile(args["file"].as<std::string>(), docs, &error)) {
    std::cerr << "byline " << name << ": " << error << "\n";
    return 1;
  }
  return -1;
}

int RunEvalNer(int argc, char** argv) {
  LoadedTagger t;
  std::vector<ConllDoc> docs;
  if (const int exit_code = LoadTaggerAndConll(
          "eval-ner", "Entity scores (conlleval-style, strict) on a CoNLL file.", argc, argv, &t,
          &docs);
      exit_code >= 0) {
    return exit_code;
  }
  NerScores scores;
  size_t tokens = 0;
  double seconds = 0, cpu = 0;
  for (const ConllDoc& doc : docs) {
    const auto words = doc.Words();
    const auto start = Clock::now();
    const double cpu_start = ThreadCpuSeconds();
    const auto tags = t.tagger->TagDocument(words);
    cpu += ThreadCpuSeconds() - cpu_start;
    seconds += Seconds(start);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      scores.Add(doc.sentences[s].tags, tags[s]);
      tokens += tags[s].size();
    }
  }
  scores.Print(std::cout);
  std::cout << "tagging speed: " << static_cast<long>(cpu > 0 ? tokens / cpu : 0)
            << " tokens per CPU second, " << static_cast<long>(seconds > 0 ? tokens / seconds : 0)
            << " tokens/s wall (one thread, " << tokens << " tokens)\n";
  return 0;
}

int RunTagConll(int argc, char** argv) {
  LoadedTagger t;
  std::vector<ConllDoc> docs;
  if (const int exit_code = LoadTaggerAndConll(
          "tag-conll", "Tags a CoNLL file's sentences: token TAB gold TAB predicted (IOB2).", argc,
          argv, &t, &docs);
      exit_code >= 0) {
    return exit_code;
  }
  std::string out;
  for (const ConllDoc& doc : docs) {
    const auto tags = t.tagger->TagDocument(doc.Words());
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const ConllSentence& sent = doc.sentences[s];
      if (sent.docstart) out += "-DOCSTART-\tO\tO\n\n";
      for (size_t i = 0; i < sent.words.size(); ++i) {
        out += sent.words[i];
        out += '\t';
        out += sent.tags[i];
        out += '\t';
        out += i < tags[s].size() ? tags[s][i] : "O";
        out += '\n';
      }
      out += '\n';
    }
    std::cout << out;
    out.clear();
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace byline::cli
