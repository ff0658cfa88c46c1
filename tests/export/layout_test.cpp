// analysis::compute_layout (and output::pajek_label, below): deterministic, inside [0, side], force-directed layouts pull
// neighbours together, the grid keeps clusters together, bad parameters are rejected.
#include "analysis/layout.hpp"
#include "output/escape.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace {

using citegraph::analysis::compute_layout;
using citegraph::analysis::LayoutOptions;
using citegraph::analysis::LayoutResult;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Two 10-cliques joined by one edge (0-10), 20 vertices.
Edges two_cliques() {
    Edges e;
    for (std::uint32_t base : {0u, 10u})
        for (std::uint32_t u = 0; u < 10; ++u)
            for (std::uint32_t v = u + 1; v < 10; ++v) e.emplace_back(base + u, base + v);
    e.emplace_back(0, 10);
    return e;
}

double distance(const LayoutResult& r, std::uint32_t u, std::uint32_t v) { return std::hypot(r.x[u] - r.x[v], r.y[u] - r.y[v]); }

void expect_inside(const LayoutResult& r, double side) {
    for (std::size_t v = 0; v < r.x.size(); ++v) {
        EXPECT_GE(r.x[v], 0.0);
        EXPECT_LE(r.x[v], side);
        EXPECT_GE(r.y[v], 0.0);
        EXPECT_LE(r.y[v], side);
    }
}

TEST(Layout, SameSeedSameCoordinatesOtherSeedOtherCoordinates) {
    const Edges e = two_cliques();
    LayoutOptions opt;
    const auto a = compute_layout(20, e, {}, opt);
    const auto b = compute_layout(20, e, {}, opt);
    EXPECT_TRUE(a.force_directed);
    EXPECT_EQ(a.x, b.x);  // bit for bit
    EXPECT_EQ(a.y, b.y);
    opt.seed = 7;
    const auto c = compute_layout(20, e, {}, opt);
    EXPECT_NE(a.x, c.x);
    expect_inside(a, opt.side);
}

// Fruchterman-Reingold: vertices of one clique end up closer to each other than to the other
// clique (mean intra-clique distance < mean inter-clique distance).
TEST(Layout, ForceDirectedKeepsCliquesApart) {
    const auto r = compute_layout(20, two_cliques(), {});
    double intra = 0, inter = 0;
    int n_intra = 0, n_inter = 0;
    for (std::uint32_t u = 0; u < 20; ++u)
        for (std::uint32_t v = u + 1; v < 20; ++v) {
            if ((u < 10) == (v < 10)) intra += distance(r, u, v), ++n_intra;
            else inter += distance(r, u, v), ++n_inter;
        }
    EXPECT_LT(intra / n_intra, inter / n_inter);
}

// Above the limit: the grid by cluster. Every vertex is nearer to its own cluster's centre
// than to the other cluster's centre, and the result is the same twice.
TEST(Layout, GridGroupsByCluster) {
    LayoutOptions opt;
    opt.force_directed_limit = 5;
    std::vector<std::uint32_t> membership(20);
    for (std::uint32_t v = 0; v < 20; ++v) membership[v] = v % 2;  // interleaved on purpose
    const auto r = compute_layout(20, two_cliques(), membership, opt);
    EXPECT_FALSE(r.force_directed);
    EXPECT_EQ(r.iterations, 0);
    expect_inside(r, opt.side);
    double cx[2] = {0, 0}, cy[2] = {0, 0};
    for (std::uint32_t v = 0; v < 20; ++v) cx[v % 2] += r.x[v] / 10, cy[v % 2] += r.y[v] / 10;
    for (std::uint32_t v = 0; v < 20; ++v) {
        const int own = v % 2;
        EXPECT_LT(std::hypot(r.x[v] - cx[own], r.y[v] - cy[own]), std::hypot(r.x[v] - cx[1 - own], r.y[v] - cy[1 - own])) << v;
    }
    const auto again = compute_layout(20, two_cliques(), membership, opt);
    EXPECT_EQ(r.x, again.x);
}

TEST(Layout, EmptyGraphAndBadParameters) {
    EXPECT_TRUE(compute_layout(0, {}, {}).x.empty());
    const auto one = compute_layout(1, {}, {});
    ASSERT_EQ(one.x.size(), 1u);
    LayoutOptions bad;
    bad.iterations = 0;
    EXPECT_THROW(compute_layout(3, {}, {}, bad), std::invalid_argument);
    const Edges outside = {{0, 3}};
    EXPECT_THROW(compute_layout(3, outside, {}), std::invalid_argument);
    const std::vector<std::uint32_t> short_membership = {0, 1};
    EXPECT_THROW(compute_layout(3, {}, short_membership), std::invalid_argument);
}

}  // namespace

// pajek_label (output/escape.hpp), checked by hand: Pajek has no escapes inside quotes.

TEST(PajekLabel, QuotesLineBreaksAndControlsCannotBreakTheLine) {
    using citegraph::output::pajek_label;
    EXPECT_EQ(pajek_label("KAN"), "\"KAN\"");
    EXPECT_EQ(pajek_label("say \"hi\"\nnow"), "\"say 'hi' now\"");
    EXPECT_EQ(pajek_label("a\r\n\tb"), "\"a   b\"");
    EXPECT_EQ(pajek_label(std::string("nul\0x", 5)), "\"nul\xEF\xBF\xBDx\"");
    EXPECT_EQ(pajek_label("bad\xFF"), "\"bad\xEF\xBF\xBD\"");
    // Kept as they are: backslashes, markup, emoji, right-to-left text.
    EXPECT_EQ(pajek_label("a\\b <i>&</i> \xF0\x9F\xA4\x96 \xD7\xA9"), "\"a\\b <i>&</i> \xF0\x9F\xA4\x96 \xD7\xA9\"");
}
