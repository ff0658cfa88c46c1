// NMI and adjusted Rand index: hand-checked values, then naive references (mutual information
// summed cell by cell from a map; ARI from the pair confusion matrix over all pairs) on seeded
// random partitions.
#include "clusters_test_util.hpp"

#include <map>
#include <stdexcept>

using namespace citegraph::analysis;

namespace {

using Labels = std::vector<std::uint32_t>;

double naive_nmi(const Labels& a, const Labels& b) {
    const double n = static_cast<double>(a.size());
    std::map<std::uint32_t, double> pa;
    std::map<std::uint32_t, double> pb;
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> pab;
    for (std::size_t i = 0; i < a.size(); ++i) {
        pa[a[i]] += 1 / n;
        pb[b[i]] += 1 / n;
        pab[{a[i], b[i]}] += 1 / n;
    }
    double ha = 0, hb = 0, mi = 0;
    for (const auto& [c, p] : pa) ha -= p * std::log(p);
    for (const auto& [c, p] : pb) hb -= p * std::log(p);
    for (const auto& [cell, p] : pab) mi += p * std::log(p / (pa[cell.first] * pb[cell.second]));
    if (ha + hb == 0) return 1.0;
    return mi / ((ha + hb) / 2);
}

// sklearn's formula: 2 (tp tn - fn fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)) over all
// unordered pairs; 1 when fn = fp = 0.
double naive_ari(const Labels& a, const Labels& b) {
    double tp = 0, fp = 0, fn = 0, tn = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = i + 1; j < a.size(); ++j) {
            const bool sa = a[i] == a[j];
            const bool sb = b[i] == b[j];
            (sa && sb ? tp : sa ? fn : sb ? fp : tn) += 1;
        }
    if (fn == 0 && fp == 0) return 1.0;
    return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

}  // namespace

TEST(ComparePartitions, HandChecked) {
    // Identical up to labels: 1 and 1.
    EXPECT_DOUBLE_EQ(normalized_mutual_information(Labels{0, 0, 1, 1}, Labels{5, 5, 3, 3}), 1.0);
    EXPECT_DOUBLE_EQ(adjusted_rand_index(Labels{0, 0, 1, 1}, Labels{5, 5, 3, 3}), 1.0);
    // Independent halves: I = 0. ARI: sa = sb = 2 pairs, sab = 0, expected 4/6:
    // (0 - 2/3) / (2 - 2/3) = -1/2.
    EXPECT_NEAR(normalized_mutual_information(Labels{0, 0, 1, 1}, Labels{0, 1, 0, 1}), 0.0, 1e-15);
    EXPECT_NEAR(adjusted_rand_index(Labels{0, 0, 1, 1}, Labels{0, 1, 0, 1}), -0.5, 1e-15);
    // a = {012}{345}, b = {01}{23}{45}. H(A) = ln 2, H(B) = ln 3, H(A,B) = (2/3) ln 3 +
    // (1/3) ln 6, so I = (2/3) ln 2 and NMI = (4/3) ln 2 / ln 6 = 0.51580374... (igraph 0.10
    // compare_communities: 0.5158037429793888)
    // ARI: sa = 6, sb = 3, sab = 2, C(6,2) = 15: (2 - 18/15) / (9/2 - 18/15) = 8/33 (igraph
    // adjusted_rand: 0.242424242424242).
    const Labels a{0, 0, 0, 1, 1, 1};
    const Labels b{0, 0, 1, 1, 2, 2};
    EXPECT_NEAR(normalized_mutual_information(a, b), 4.0 / 3.0 * std::log(2.0) / std::log(6.0), 1e-15);
    EXPECT_NEAR(adjusted_rand_index(a, b), 8.0 / 33.0, 1e-15);
    // Degenerate cases, as sklearn: one cluster each, all singletons each, empty input.
    EXPECT_DOUBLE_EQ(normalized_mutual_information(Labels{1, 1, 1}, Labels{2, 2, 2}), 1.0);
    EXPECT_DOUBLE_EQ(adjusted_rand_index(Labels{1, 1, 1}, Labels{2, 2, 2}), 1.0);
    EXPECT_DOUBLE_EQ(adjusted_rand_index(Labels{0, 1, 2}, Labels{2, 1, 0}), 1.0);
    EXPECT_DOUBLE_EQ(normalized_mutual_information(Labels{}, Labels{}), 1.0);
    EXPECT_DOUBLE_EQ(adjusted_rand_index(Labels{}, Labels{}), 1.0);
    // One cluster against a split: NMI 0 (sklearn gives 0.0).
    EXPECT_DOUBLE_EQ(normalized_mutual_information(Labels{1, 1, 1, 1}, Labels{0, 0, 1, 1}), 0.0);
}

TEST(ComparePartitions, ChecksSizes) {
    try {
        normalized_mutual_information(Labels{0, 1}, Labels{0});
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "normalized_mutual_information: partitions must have the same size, got 2 and 1");
    }
    EXPECT_THROW(adjusted_rand_index(Labels{0}, Labels{}), std::invalid_argument);
}

TEST(ComparePartitions, MatchNaiveReferencesOnRandomPartitions) {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 100; ++trial) {
        const auto n = 1 + static_cast<std::uint32_t>(rng() % 60);
        const Labels a = test::random_partition(rng, n);
        // Half of the time b is a perturbation of a, so high agreement is covered too.
        Labels b = test::random_partition(rng, n);
        if (trial % 2)
            for (std::uint32_t v = 0; v < n; ++v)
                if (rng() % 4) b[v] = a[v] + 1;
        EXPECT_NEAR(normalized_mutual_information(a, b), naive_nmi(a, b), 1e-12) << "trial " << trial;
        EXPECT_NEAR(adjusted_rand_index(a, b), naive_ari(a, b), 1e-12) << "trial " << trial;
        EXPECT_NEAR(normalized_mutual_information(a, b), normalized_mutual_information(b, a), 1e-12);
        EXPECT_NEAR(adjusted_rand_index(a, b), adjusted_rand_index(b, a), 1e-12);
    }
}
