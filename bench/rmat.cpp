// R-MAT edge-list generator for the benchmark (bench/run.sh compiles it with g++ -O2).
//
//   rmat SCALE EDGES SEED OUT.tsv
//
// Writes EDGES distinct directed edges (no self-loops) over 2^SCALE vertex ids as
// "citing<TAB>cited" lines. No comment line: igraph's Read_Ncol rejects '#' lines, and both
// tools must read the same file (bench/run.sh puts the parameters in the file name).
//
// Model: R-MAT (Chakrabarti, Zhan, Faloutsos, "R-MAT: A Recursive Model for Graph Mining",
// SDM 2004) with the Graph500 parameters a=0.57, b=0.19, c=0.19, d=0.05 and no noise. Each
// edge descends SCALE levels of the adjacency matrix, choosing a quadrant per level.
// Why the extras:
//  - duplicates and self-loops are dropped (and replaced by fresh draws) so that both
//    tools see the same simple directed graph: igraph keeps multi-edges, a loader may not;
//  - vertex ids are relabelled by a seeded random permutation (as Graph500 does), so that
//    the high-degree vertices are not all small numbers at the start of the id space;
//  - lines are sorted by citing id, then cited id, like a real citation dump grouped by
//    the citing paper.
// Vertices that end up with no edge do not appear in the file (an edge list cannot name them).
// Same arguments, same file: std::mt19937_64 and the permutation are fully determined by SEED.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr double kA = 0.57, kB = 0.19, kC = 0.19;  // d = 1 - a - b - c = 0.05

// Packs (u, v) so that sorting the keys sorts by u, then v; valid for SCALE <= 31.
inline std::uint64_t key(std::uint64_t u, std::uint64_t v) { return (u << 32) | v; }

void draw(std::vector<std::uint64_t>& out, std::size_t count, int scale, std::mt19937_64& rng) {
    // One 53-bit uniform per level is plenty; the quadrant thresholds are cumulative.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    out.reserve(out.size() + count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t u = 0, v = 0;
        for (int level = 0; level < scale; ++level) {
            const double r = unit(rng);
            const std::uint64_t bit = std::uint64_t{1} << (scale - 1 - level);
            if (r < kA) {
            } else if (r < kA + kB) {
                v |= bit;
            } else if (r < kA + kB + kC) {
                u |= bit;
            } else {
                u |= bit;
                v |= bit;
            }
        }
        if (u != v) out.push_back(key(u, v));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: rmat SCALE EDGES SEED OUT.tsv\n");
        return 2;
    }
    const int scale = std::atoi(argv[1]);
    const std::uint64_t edges = std::strtoull(argv[2], nullptr, 10);
    const std::uint64_t seed = std::strtoull(argv[3], nullptr, 10);
    const std::string path = argv[4];
    if (scale < 1 || scale > 31) {
        std::fprintf(stderr, "rmat: SCALE must be in [1, 31], got %d\n", scale);
        return 2;
    }
    const std::uint64_t n = std::uint64_t{1} << scale;
    if (edges == 0 || edges > n * (n - 1) / 4) {
        std::fprintf(stderr, "rmat: EDGES must be in [1, n(n-1)/4] for n = 2^%d\n", scale);
        return 2;
    }

    std::mt19937_64 rng(seed);
    std::vector<std::uint64_t> keys;
    // Draw, drop duplicates, top up the deficit (with some slack) until there are enough.
    std::size_t want = edges;
    while (keys.size() < edges) {
        const std::size_t before = keys.size();
        draw(keys, want + want / 8 + 16, scale, rng);
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(before), keys.end());
        std::inplace_merge(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(before), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        want = edges > keys.size() ? edges - keys.size() : 0;
    }
    // Keep a seeded random subset of exactly EDGES keys (not the smallest ones, which would bias ids).
    std::shuffle(keys.begin(), keys.end(), rng);
    keys.resize(edges);

    std::vector<std::uint32_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0u);
    std::shuffle(perm.begin(), perm.end(), rng);
    for (auto& k : keys) k = key(perm[k >> 32], perm[k & 0xffffffffu]);
    std::sort(keys.begin(), keys.end());

    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::perror(path.c_str());
        return 1;
    }
    std::vector<char> buf(1 << 20);
    std::size_t len = 0;
    char line[32];
    for (const auto k : keys) {
        const int w = std::snprintf(line, sizeof line, "%u\t%u\n", static_cast<unsigned>(k >> 32),
                                    static_cast<unsigned>(k & 0xffffffffu));
        if (len + static_cast<std::size_t>(w) > buf.size()) {
            std::fwrite(buf.data(), 1, len, f);
            len = 0;
        }
        std::copy(line, line + w, buf.data() + len);
        len += static_cast<std::size_t>(w);
    }
    std::fwrite(buf.data(), 1, len, f);
    if (std::fclose(f) != 0) {
        std::perror(path.c_str());
        return 1;
    }
    return 0;
}
