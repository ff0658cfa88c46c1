// libFuzzer target: the openalex entry of fuzz/entry.hpp (load, build, lint, export to a null stream).
#include "fuzz/entry.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    citegraph::fuzz::run_entry("openalex", data, size);
    return 0;
}
