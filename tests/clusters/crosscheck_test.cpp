// Cross-checks against python3-igraph (Debian's /usr/bin/python3) on the shared real graphs:
// Leiden modularity on cit-HepPh (undirected, simple) against igraph's Leiden in the same run,
// our modularity of our partition against igraph's modularity of it, NMI of Leiden clusters
// against Cora's 7 classes, and our NMI / ARI against igraph.compare_communities.
// Skips when ../shared/data or python3-igraph is absent.
#include "clusters_test_util.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>

using namespace citegraph::analysis;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(CITEGRAPH_SHARED_DIR) / "data";
const fs::path kHelper = fs::path(CLUSTERS_TEST_DIR) / "igraph_reference.py";
constexpr const char* kPython = "/usr/bin/python3";

bool have_igraph() {
    static const bool ok = [] {
        if (!fs::exists(kPython)) return false;
        const std::string cmd = std::string(kPython) + " -c \"import igraph\" >/dev/null 2>&1";
        return std::system(cmd.c_str()) == 0;
    }();
    return ok;
}

// Runs a command and returns its stdout; fails the test on a non-zero exit.
std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) {
        ADD_FAILURE() << "cannot run " << cmd;
        return out;
    }
    char buf[4096];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, got);
    const int status = pclose(p);
    EXPECT_EQ(status, 0) << cmd << "\n" << out;
    return out;
}

// "key value..." lines -> key -> values (in order).
std::multimap<std::string, std::vector<double>> parse(const std::string& text) {
    std::multimap<std::string, std::vector<double>> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string key;
        ls >> key;
        std::vector<double> values;
        for (double x; ls >> x;) values.push_back(x);
        out.emplace(key, values);
    }
    return out;
}

struct LoadedGraph {
    std::vector<std::string> ids;  // vertex -> id
    std::unordered_map<std::string, std::uint32_t> index;
    test::Edges edges;
    std::uint32_t vertex(const std::string& id) {
        auto [it, fresh] = index.emplace(id, static_cast<std::uint32_t>(ids.size()));
        if (fresh) ids.push_back(id);
        return it->second;
    }
    CsrGraph csr() const { return CsrGraph(static_cast<std::uint32_t>(ids.size()), edges); }
};

// A (gzipped) two-column edge list with '#' comment lines; `swap` reads "b<TAB>a" as a -> b.
void read_edges(const fs::path& path, bool swap, LoadedGraph& g) {
    gzFile f = gzopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    char line[1024];
    while (gzgets(f, line, sizeof line)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        std::istringstream ls(line);
        std::string a, b;
        ls >> a >> b;
        ASSERT_FALSE(b.empty()) << path << ": bad line " << line;
        const std::uint32_t u = g.vertex(a);
        const std::uint32_t v = g.vertex(b);
        g.edges.emplace_back(swap ? v : u, swap ? u : v);
    }
    gzclose(f);
}

fs::path temp_file(const std::string& name) {
    return fs::temp_directory_path() / ("citegraph-clusters-" + std::to_string(::getpid()) + "-" + name);
}

struct Series {
    std::vector<double> q;  // modularity per run
    std::vector<double> t;  // seconds per run
    std::vector<int> passes;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

LeidenOptions seeded(std::uint64_t seed) {
    LeidenOptions o;
    o.seed = seed;
    return o;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST(ClustersCrossCheck, LeidenOnCitHepPhReachesIgraphModularity) {
    const fs::path edges = kData / "cit-hepph" / "edges.tsv.gz";
    if (!fs::exists(edges)) GTEST_SKIP() << "no shared data: " << edges;
    if (!have_igraph()) GTEST_SKIP() << "no python3-igraph at " << kPython;

    LoadedGraph loaded;
    read_edges(edges, false, loaded);
    const auto t_build = std::chrono::steady_clock::now();
    const UndirectedGraph g(loaded.csr(), UndirectedMode::CollapseSimple);
    const double build_seconds = seconds_since(t_build);
    // The figures of ../shared/data/README.md.
    EXPECT_EQ(g.num_vertices(), 34546u);
    EXPECT_EQ(g.num_edges(), 420877u);

    // Ours: 5 seeds with 1 pass and with the default 2 passes, 1 seed until stable.
    constexpr int kRuns = 5;
    std::map<int, Series> ours;
    LeidenResult first;  // default options, seed 0
    for (int iterations : {1, 2, -1}) {
        for (int seed = 0; seed < (iterations == -1 ? 1 : kRuns); ++seed) {
            LeidenOptions o = seeded(static_cast<std::uint64_t>(seed));
            o.n_iterations = iterations;
            const auto t0 = std::chrono::steady_clock::now();
            LeidenResult r = leiden(g, o);
            ours[iterations].t.push_back(seconds_since(t0));
            ours[iterations].q.push_back(r.modularity);
            ours[iterations].passes.push_back(r.iterations);
            test::expect_canonical_partition(r.membership, r.sizes, g.num_vertices());
            EXPECT_EQ(test::disconnected_clusters(g, r.membership), 0u);
            if (iterations == LeidenOptions{}.n_iterations && seed == 0) first = std::move(r);
        }
    }
    EXPECT_EQ(leiden(g, seeded(0)).membership, first.membership) << "not deterministic";
    // Louvain on the same graph leaves some clusters in pieces (measured: 3 of 82 with seed 0,
    // 2 passes), which Leiden's refinement prevents: the connectivity check above has teeth.
    LeidenOptions louvain_options = seeded(0);
    louvain_options.algorithm = ClusterAlgorithm::Louvain;
    const auto t_louvain = std::chrono::steady_clock::now();
    const LeidenResult louvain = leiden(g, louvain_options);
    const double louvain_seconds = seconds_since(t_louvain);
    const std::uint32_t louvain_split = test::disconnected_clusters(g, louvain.membership);
    EXPECT_GT(louvain_split, 0u);

    // igraph in the same run, on the same file; also igraph's modularity of our partition.
    const fs::path membership_file = temp_file("hepph-membership.tsv");
    {
        std::ofstream out(membership_file);
        for (std::uint32_t v = 0; v < g.num_vertices(); ++v)
            out << loaded.ids[v] << '\t' << first.membership[v] << '\n';
    }
    const auto ref = parse(run(std::string(kPython) + " " + kHelper.string() + " leiden " + edges.string() + " " +
                               std::to_string(kRuns) + " -1,2 " + membership_file.string()));
    fs::remove(membership_file);
    ASSERT_EQ(ref.count("graph"), 1u);
    EXPECT_EQ(ref.find("graph")->second, (std::vector<double>{34546, 420877}));
    std::map<int, Series> igraph;
    for (auto [b, e] = ref.equal_range("leiden"); b != e; ++b) {
        ASSERT_EQ(b->second.size(), 3u);
        Series& s = igraph[static_cast<int>(b->second[0])];
        s.q.push_back(b->second[1]);
        s.t.push_back(b->second[2]);
    }
    ASSERT_EQ(igraph[-1].q.size(), static_cast<std::size_t>(kRuns));
    ASSERT_EQ(igraph[2].q.size(), static_cast<std::size_t>(kRuns));
    ASSERT_EQ(ref.count("modularity"), 1u);
    EXPECT_NEAR(ref.find("modularity")->second.at(0), first.modularity, 1e-9);

    // The bar (issue 3): our Q >= igraph's Leiden Q (n_iterations=-1) - 0.005, for every one of
    // our runs against the median of igraph's (igraph's own Q varies by ~0.006 with its seed);
    // with one pass (igraph 0.10.2's -1 stops after one) and with the default two. Two passes
    // are also held to igraph's two.
    const double igraph_q = median(igraph[-1].q);
    for (int iterations : {1, 2, -1})
        for (std::size_t i = 0; i < ours[iterations].q.size(); ++i)
            EXPECT_GE(ours[iterations].q[i], igraph_q - 0.005) << "n_iterations " << iterations << " seed " << i;
    EXPECT_GE(median(ours[2].q), median(igraph[2].q) - 0.005);

    std::printf("[ cit-HepPh ] undirected simple view built in %.3f s; wall-clock medians of %d runs\n", build_seconds,
                kRuns);
    auto row = [](const char* who, int iterations, const Series& s) {
        std::printf("[ cit-HepPh ] %-9s n_iterations=%-2d Q %.4f (%.4f..%.4f) %6.3f s", who, iterations, median(s.q),
                    *std::min_element(s.q.begin(), s.q.end()), *std::max_element(s.q.begin(), s.q.end()), median(s.t));
        if (!s.passes.empty())
            std::printf("  passes %d..%d", *std::min_element(s.passes.begin(), s.passes.end()),
                        *std::max_element(s.passes.begin(), s.passes.end()));
        std::printf("\n");
    };
    row("citegraph", 1, ours[1]);
    row("citegraph", 2, ours[2]);
    row("citegraph", -1, ours[-1]);
    std::printf(
        "[ cit-HepPh ] citegraph Louvain n_iterations=2 (seed 0): Q %.4f %.3f s, %u of %zu clusters disconnected\n",
        louvain.modularity, louvain_seconds, louvain_split, louvain.sizes.size());
    row("igraph", -1, igraph[-1]);
    row("igraph", 2, igraph[2]);
    std::printf(
        "[ cit-HepPh ] time ratios igraph/citegraph: igraph(-1)/ours(1) %.2fx, igraph(2)/ours(2) %.2fx, "
        "igraph(-1)/ours(2) %.2fx\n",
        median(igraph[-1].t) / median(ours[1].t), median(igraph[2].t) / median(ours[2].t),
        median(igraph[-1].t) / median(ours[2].t));
}

TEST(ClustersCrossCheck, LeidenOnCoraAgainstTheSevenClasses) {
    const fs::path cites = kData / "cora" / "cora.cites";
    const fs::path labels = kData / "cora" / "cora.labels.tsv";
    if (!fs::exists(cites) || !fs::exists(labels)) GTEST_SKIP() << "no shared data: " << cites.parent_path();

    LoadedGraph loaded;
    read_edges(cites, true, loaded);  // cora.cites is "cited<TAB>citing"
    std::vector<std::uint32_t> classes(loaded.ids.size(), 0);
    std::vector<char> labelled(loaded.ids.size(), 0);
    std::map<std::string, std::uint32_t> class_id;
    {
        std::ifstream in(labels);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::istringstream ls(line);
            std::string id, cls;
            ls >> id >> cls;
            const std::uint32_t v = loaded.vertex(id);
            if (v >= classes.size()) {
                classes.resize(v + 1, 0);
                labelled.resize(v + 1, 0);
            }
            classes[v] = class_id.emplace(cls, static_cast<std::uint32_t>(class_id.size())).first->second;
            labelled[v] = 1;
        }
    }
    ASSERT_EQ(class_id.size(), 7u);
    ASSERT_EQ(loaded.ids.size(), 2708u);
    ASSERT_EQ(std::count(labelled.begin(), labelled.end(), 1), 2708);

    const UndirectedGraph g(loaded.csr(), UndirectedMode::CollapseSimple);
    const LeidenResult r = leiden(g, seeded(0));
    test::expect_canonical_partition(r.membership, r.sizes, g.num_vertices());
    const double nmi = normalized_mutual_information(r.membership, classes);
    const double ari = adjusted_rand_index(r.membership, classes);
    std::printf("[ Cora ] Leiden (seed 0): Q %.4f, %zu clusters; against the 7 classes NMI %.4f, ARI %.4f\n",
                r.modularity, r.sizes.size(), nmi, ari);
    // Measured: seed 0 Q 0.8206, 105 clusters, NMI 0.4540 (ARI 0.2298); seeds 0..9 NMI 0.450..0.466 (median 0.457).
    EXPECT_GT(nmi, 0.3);
    std::vector<double> nmis{nmi};
    for (std::uint64_t seed = 1; seed < 10; ++seed) {
        nmis.push_back(normalized_mutual_information(leiden(g, seeded(seed)).membership, classes));
        EXPECT_GT(nmis.back(), 0.3) << "seed " << seed;
    }
    std::printf("[ Cora ] NMI over seeds 0..9: min %.4f, median %.4f, max %.4f\n",
                *std::min_element(nmis.begin(), nmis.end()), median(nmis), *std::max_element(nmis.begin(), nmis.end()));

    if (!have_igraph()) GTEST_SKIP() << "no python3-igraph at " << kPython << " for the NMI cross-check";
    const fs::path pairs = temp_file("cora-pairs.tsv");
    {
        std::ofstream out(pairs);
        for (std::uint32_t v = 0; v < g.num_vertices(); ++v) out << r.membership[v] << '\t' << classes[v] << '\n';
    }
    const auto ref = parse(run(std::string(kPython) + " " + kHelper.string() + " compare " + pairs.string()));
    fs::remove(pairs);
    ASSERT_EQ(ref.count("nmi"), 1u);
    ASSERT_EQ(ref.count("adjusted_rand"), 1u);
    EXPECT_NEAR(nmi, ref.find("nmi")->second.at(0), 1e-9);
    EXPECT_NEAR(ari, ref.find("adjusted_rand")->second.at(0), 1e-9);
}
