# The WebAssembly build (under emcmake): filled in with the Embind module.
message(FATAL_ERROR "WebAssembly build not set up yet")
