// PLACEHOLDER: eval-quotes arrives with the quote finder.
#include <iostream>

#include "tools/cli.h"

namespace byline::cli {

int RunEvalQuotes(int, char**) {
  std::cerr << "byline eval-quotes: not available in this build yet\n";
  return 2;
}

}  // namespace byline::cli
