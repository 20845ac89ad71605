// PLACEHOLDER: train, eval-ner and tag-conll arrive with the entity model.
#include <iostream>

#include "tools/cli.h"

namespace byline::cli {

static int NotYet(const char* name) {
  std::cerr << "byline " << name << ": not available in this build yet\n";
  return 2;
}

int RunTagConll(int, char**) { return NotYet("tag-conll"); }
int RunTrain(int, char**) { return NotYet("train"); }
int RunEvalNer(int, char**) { return NotYet("eval-ner"); }

}  // namespace byline::cli
