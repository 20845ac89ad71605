# The WebAssembly build, included by the root CMakeLists.txt under Emscripten:
#
#   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-wasm && cmake --build build-wasm -j2
#
# builds every core/*.cc (BYLINE_CORE_SOURCES) plus wasm/bindings.cc into the ES module
# web/byline-core.js + web/byline-core.wasm (factory createBylineModule), and copies the trained
# model models/byline-ner.bin, when there is one, to web/models/byline-ner.bin. re2 comes from
# third_party/re2-wasm/install, built by scripts/build-re2-wasm.sh. Tests run natively and in Node
# (tests/wasm/), not here.

set(BYLINE_RE2_WASM_PREFIX "${CMAKE_CURRENT_SOURCE_DIR}/third_party/re2-wasm/install"
    CACHE PATH "re2 built for WebAssembly (scripts/build-re2-wasm.sh)")
# 2GB, not more: above it Emscripten 3.1.6 needs 2GB+ addressing in all of its JS glue.
# The most memory the page's module may grow to (wasm/bindings.cc limits texts to 8 MiB).
set(BYLINE_WASM_MAXIMUM_MEMORY "2GB")
set(BYLINE_WEB_DIR "${CMAKE_CURRENT_SOURCE_DIR}/web")

if(NOT EXISTS "${BYLINE_RE2_WASM_PREFIX}/lib/libre2.a")
  message(FATAL_ERROR "re2 for WebAssembly not found in ${BYLINE_RE2_WASM_PREFIX}; "
                      "run scripts/build-re2-wasm.sh (scripts/setup.sh does)")
endif()
add_library(re2_wasm STATIC IMPORTED)
set_target_properties(re2_wasm PROPERTIES
  IMPORTED_LOCATION "${BYLINE_RE2_WASM_PREFIX}/lib/libre2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${BYLINE_RE2_WASM_PREFIX}/include")

# The core, compiled for wasm; Debian's header-only libraries stay reachable after Emscripten's own
# headers (-idirafter), so Emscripten's libc and the wasm re2 always win.
add_library(byline_core_wasm STATIC ${BYLINE_CORE_SOURCES})
target_include_directories(byline_core_wasm PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(byline_core_wasm PUBLIC -idirafter /usr/include)
target_compile_options(byline_core_wasm PRIVATE -Wall -Wextra)
target_link_libraries(byline_core_wasm PUBLIC re2_wasm)

add_executable(byline_web wasm/bindings.cc)
target_link_libraries(byline_web PRIVATE byline_core_wasm)
target_compile_options(byline_web PRIVATE -Wall -Wextra)
# emcc's JavaScript optimizer needs Debian's node modules (acorn); the link gets NODE_PATH itself,
# so a plain `cmake --build` works without it in the environment.
if(EXISTS /usr/share/nodejs)
  set_target_properties(byline_web PROPERTIES CXX_LINKER_LAUNCHER "env;NODE_PATH=/usr/share/nodejs")
endif()
set_target_properties(byline_web PROPERTIES
  OUTPUT_NAME byline-core
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${BYLINE_WEB_DIR}")
target_link_options(byline_web PRIVATE
  -O3 --bind
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createBylineModule
  -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=${BYLINE_WASM_MAXIMUM_MEMORY}
  -sFILESYSTEM=0
  # No eval()/new Function in the glue, so the page can forbid 'unsafe-eval' in its CSP.
  -sDYNAMIC_EXECUTION=0)

# The model the page fetches: a copy of the committed one, removed again if that one goes away.
set(BYLINE_MODEL_SRC "${CMAKE_CURRENT_SOURCE_DIR}/models/byline-ner.bin")
set(BYLINE_MODEL_WEB "${BYLINE_WEB_DIR}/models/byline-ner.bin")
add_custom_target(byline_web_model ALL
  COMMAND sh -c "if [ -f \"$0\" ]; then mkdir -p \"$(dirname \"$1\")\" && { cmp -s \"$0\" \"$1\" || cp \"$0\" \"$1\"; }; else rm -f \"$1\"; fi"
          "${BYLINE_MODEL_SRC}" "${BYLINE_MODEL_WEB}"
  COMMENT "Copying models/byline-ner.bin to web/models/ (when present)"
  VERBATIM)
