#include "analysis/distributed/edge_list_load.hpp"
#include "analysis/distributed/vertex_distribution.hpp"

#include <boost/graph/use_mpi.hpp>
// use_mpi.hpp must come first: PBGL's headers refuse to compile without it.
#include <boost/graph/parallel/distribution.hpp>
#include <boost/mpi/collectives.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include "graph/text.hpp"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <bit>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <set>
#include <utility>

namespace boost::serialization {
// Diagnostics travel to rank 0, which prints them.
template <typename Archive>
void serialize(Archive& archive, citegraph::graph::Diagnostic& d, unsigned /*version*/) {
    archive & d.severity & d.code & d.file & d.line & d.column & d.message;
}
}  // namespace boost::serialization

namespace citegraph::analysis::distributed {
namespace {

// What rank 0 found out about one input, so that every rank splits it the same way.
struct FilePlan {
    bool split = false;
    std::uint64_t size = 0;
    graph::EdgeListLayout layout;
};

// A plain regular file that is not JSON lines can be read from any offset; a gzip stream
// (recognized by its extension or its magic bytes, as zlib does) cannot.
FilePlan plan_file(const std::string& path, const graph::EdgeListOptions& options) {
    FilePlan plan;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return plan;
    const std::filesystem::path p(path);
    const std::string ext = graph::text::ascii_lower(p.extension().string());
    if (ext == ".gz" || ext == ".jsonl" || ext == ".ndjson") return plan;
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {0, 0};
    in.read(magic, 2);
    if (in.gcount() == 2 && static_cast<unsigned char>(magic[0]) == 0x1f && static_cast<unsigned char>(magic[1]) == 0x8b) return plan;
    plan.size = static_cast<std::uint64_t>(std::filesystem::file_size(path, ec));
    if (ec) return plan;
    plan.layout = graph::probe_edge_list(path, options);
    plan.split = true;
    return plan;
}

std::vector<FilePlan> plan_files(const boost::mpi::communicator& world, const std::vector<std::string>& paths,
                                 const graph::EdgeListOptions& options) {
    // Rank 0 decides and tells the others, so that all ranks split every file alike.
    std::vector<std::uint64_t> packed;
    if (world.rank() == 0)
        for (const auto& path : paths) {
            const FilePlan plan = plan_file(path, options);
            packed.insert(packed.end(), {plan.split ? 1u : 0u, plan.size, static_cast<std::uint64_t>(static_cast<unsigned char>(plan.layout.separator)),
                                         plan.layout.first_data_offset});
        }
    boost::mpi::broadcast(world, packed, 0);
    std::vector<FilePlan> plans(paths.size());
    for (std::size_t f = 0; f < plans.size(); ++f) {
        plans[f].split = packed[4 * f] != 0;
        plans[f].size = packed[4 * f + 1];
        plans[f].layout.separator = static_cast<char>(static_cast<unsigned char>(packed[4 * f + 2]));
        plans[f].layout.first_data_offset = packed[4 * f + 3];
    }
    return plans;
}

// Per file, what one rank read: its lines, the edges it keeps, its bad lines.
enum Count : std::size_t { kLines, kEdges, kSkipped, kCounts };

}  // namespace

bool load_edge_lists(const boost::mpi::communicator& world, const std::vector<std::string>& paths,
                     const graph::EdgeListOptions& options, EdgeListGraph& graph, graph::DiagnosticSink& sink,
                     EdgeListLoad& load) {
    const auto me = static_cast<std::size_t>(world.rank());
    const auto ranks = static_cast<std::size_t>(world.size());
    const std::size_t files = paths.size();
    graph::EdgeListOptions read_options = options;
    read_options.provenance = false;  // edge lines are only kept for the typed graph
    const std::vector<FilePlan> plans = plan_files(world, paths, read_options);

    // 1. Parse: this rank's range of each plain file, or a whole other file (keeping this
    // rank's block of its edges).
    graph::CitationData local;
    std::vector<graph::DiagnosticSink> file_sinks(files);
    std::vector<std::uint64_t> counts(files * kCounts, 0);
    std::vector<std::size_t> ids_end(files), edges_end(files);
    for (std::size_t f = 0; f < files; ++f) {
        std::uint64_t* count = &counts[f * kCounts];
        if (plans[f].split) {
            const std::uint64_t size = plans[f].size;
            const std::uint64_t begin = size / ranks * me + size % ranks * me / ranks;
            const std::uint64_t end = size / ranks * (me + 1) + size % ranks * (me + 1) / ranks;
            const auto r = graph::read_edge_list_range(paths[f], plans[f].layout, begin, end, local, file_sinks[f], read_options);
            count[kLines] = r.lines;
            count[kEdges] = r.edges;
            count[kSkipped] = r.skipped;
            ++load.split_files;
        } else {
            const std::size_t first = local.edges.size();
            const std::size_t added = graph::read_edge_list(paths[f], local, file_sinks[f], read_options);
            const std::size_t keep_begin = first + added * me / ranks, keep_end = first + added * (me + 1) / ranks;
            auto keep_block = [&](auto& items) {
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(keep_end), items.end());
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(first), items.begin() + static_cast<std::ptrdiff_t>(keep_begin));
            };
            keep_block(local.edges);
            if (!local.weights.empty()) keep_block(local.weights);  // then as long as the edges
            count[kEdges] = keep_end - keep_begin;
            ++load.whole_files;
        }
        ids_end[f] = local.ids.size();
        edges_end[f] = local.edges.size();
    }
    std::vector<std::vector<std::uint64_t>> all_counts;
    boost::mpi::all_gather(world, counts, all_counts);
    auto file_edges = [&](std::size_t f) {
        std::uint64_t total = 0;
        for (const auto& c : all_counts) total += c[f * kCounts + kEdges];
        return total;
    };

    // 2. Diagnostics, on rank 0 in file order. A split file's are shifted by the lines of the
    // ranges before; a whole file's are rank 0's own (every rank found the same).
    std::vector<std::vector<graph::Diagnostic>> mine(files);
    for (std::size_t f = 0; f < files; ++f)
        if (plans[f].split) mine[f] = file_sinks[f].all();
    std::vector<std::vector<std::vector<graph::Diagnostic>>> gathered;
    boost::mpi::gather(world, mine, gathered, 0);
    bool local_errors = false;
    for (const auto& s : file_sinks) local_errors = local_errors || s.has_errors();
    bool empty_split_file = false;
    for (std::size_t f = 0; f < files; ++f) empty_split_file = empty_split_file || (plans[f].split && file_edges(f) == 0);
    if (me == 0) {
        for (std::size_t f = 0; f < files; ++f) {
            if (!plans[f].split) {
                for (const auto& d : file_sinks[f].all()) sink.report(d);
                continue;
            }
            std::uint64_t lines_before = 0, skipped = 0;
            std::size_t bad_lines_reported = 0;
            std::set<std::pair<std::string, std::string>> file_wide;  // e.g. one E-IO per file, not per rank
            for (std::size_t r = 0; r < ranks; ++r) {
                for (graph::Diagnostic d : gathered[r][f]) {
                    if (d.line > 0) d.line += static_cast<int>(lines_before);
                    if (d.code == "W-EDGE-LINE" && bad_lines_reported++ >= options.max_reported) continue;
                    if (d.line == 0 && !file_wide.emplace(d.code, d.message).second) continue;
                    sink.report(std::move(d));
                }
                lines_before += all_counts[r][f * kCounts + kLines];
                skipped += all_counts[r][f * kCounts + kSkipped];
            }
            graph::report_skipped_edge_lines(paths[f], skipped, sink, options);
            if (file_edges(f) == 0 && !sink.has_errors()) graph::report_no_edges(paths[f], sink);
        }
    }
    // Every rank stops, or none: a rank's read error is everyone's.
    const bool errors = boost::mpi::all_reduce(world, local_errors, std::logical_or<bool>()) || empty_split_file;
    if (errors) return false;

    // 3. One numbering. Each rank's ids of file f are those new to it in f, in first-appearance
    // order; interning the lists of (file 1, rank 0), (file 1, rank 1), ..., (file 2, rank 0) ...
    // keeps each id at its first appearance in the files read in order: one machine's numbering.
    // A file every rank read whole has all its ids in rank 0's list (or in earlier lists), so
    // the other ranks need not send theirs; each still maps its own through the numbering.
    std::vector<std::string> my_lists(files);
    for (std::size_t f = 0, i = 0; f < files; ++f)
        for (; i < ids_end[f]; ++i) my_lists[f].append(local.ids[i]).push_back('\n');  // a line never holds '\n'
    std::vector<std::string> sent(files);
    for (std::size_t f = 0; f < files; ++f)
        if (plans[f].split || me == 0) sent[f] = my_lists[f];
    std::vector<std::vector<std::string>> lists;
    boost::mpi::all_gather(world, sent, lists);
    std::vector<std::string>().swap(sent);
    graph::CitationData numbering;
    std::vector<std::uint32_t> global_of(local.ids.size());
    std::size_t next_local = 0;
    for (std::size_t f = 0; f < files; ++f)
        for (std::size_t r = 0; r < ranks; ++r) {
            const std::string& list = r == me ? my_lists[f] : lists[r][f];
            for (std::size_t at = 0; at < list.size();) {
                const std::size_t nl = list.find('\n', at);
                const std::uint32_t v = numbering.intern(std::string_view(list).substr(at, nl - at));
                if (r == me) global_of[next_local++] = v;
                at = nl + 1;
            }
        }
    std::vector<std::vector<std::string>>().swap(lists);
    std::vector<std::string>().swap(my_lists);
    graph.ids = std::move(numbering.ids);
    const std::size_t n = graph.ids.size();

    // 4. Edges to the owner of their source, each with its position in the files' order (file,
    // rank, position) so that the owner can keep the first occurrence as one machine does.
    std::vector<std::uint64_t> sequence_start(files);  // this rank's first edge of each file
    {
        std::uint64_t before = 0;
        for (std::size_t f = 0; f < files; ++f)
            for (std::size_t r = 0; r < ranks; ++r) {
                if (r == me) sequence_start[f] = before;
                before += all_counts[r][f * kCounts + kEdges];
            }
    }
    const bool weighted = boost::mpi::all_reduce(world, !local.weights.empty(), std::logical_or<bool>());
    // The owners: blocks of vertex numbers that split the edges evenly. The counts are of the
    // parsed edges, before deduplication (which needs the edges at their owner), so the blocks
    // split evenly what each rank receives below; the stored edges too unless duplicates are
    // many and gathered on a few papers. Equal vertex counts would put nearly all the edges
    // on one rank: with skewed degrees the papers that cite much come in a few blocks.
    {
        if (n > INT_MAX) throw std::runtime_error("more papers than one MPI message can count");
        std::vector<std::uint64_t> out_degree(n, 0);
        for (const auto& [u, v] : local.edges) ++out_degree[global_of[u]];
        MPI_Allreduce(MPI_IN_PLACE, out_degree.data(), static_cast<int>(n), MPI_UINT64_T, MPI_SUM, static_cast<MPI_Comm>(world));
        graph.vertices_per_rank = balanced_blocks(out_degree, ranks);
    }
    const boost::parallel::uneven_block owner_of = vertex_distribution(world, graph);
    // Each edge travels as (source << 32 | target, sequence[, weight's bits]), packed by
    // destination for one MPI_Alltoallv: no serialization of a few words per edge.
    const std::size_t words = weighted ? 3 : 2;
    std::vector<std::uint64_t> send_words(ranks, 0);
    for (std::size_t e = 0; e < local.edges.size(); ++e) send_words[owner_of(std::uint64_t{global_of[local.edges[e].first]})] += words;
    std::vector<std::uint64_t> send_start(ranks + 1, 0);
    for (std::size_t r = 0; r < ranks; ++r) send_start[r + 1] = send_start[r] + send_words[r];
    std::vector<std::uint64_t> outgoing(send_start[ranks]);
    {
        std::vector<std::uint64_t> at(send_start.begin(), send_start.end() - 1);
        for (std::size_t f = 0, e = 0; f < files; ++f) {
            const std::size_t file_first = e;
            for (; e < edges_end[f]; ++e) {
                const std::uint64_t u = global_of[local.edges[e].first], v = global_of[local.edges[e].second];
                std::uint64_t* word = &outgoing[at[owner_of(u)]];
                at[owner_of(u)] += words;
                word[0] = u << 32 | v;
                word[1] = sequence_start[f] + (e - file_first);
                if (weighted) word[2] = std::bit_cast<std::uint64_t>(local.weights.empty() ? 1.0 : local.weights[e]);
            }
        }
    }
    local = graph::CitationData();
    std::vector<std::uint64_t> receive_words(ranks);
    boost::mpi::all_to_all(world, send_words, receive_words);
    std::vector<int> send_counts(ranks), send_displs(ranks), receive_counts(ranks), receive_displs(ranks);
    std::uint64_t received = 0;
    for (std::size_t r = 0; r < ranks; ++r) {
        // MPI counts are ints: one rank sends another at most 2^31 words (~700 million edges).
        if (send_start[r + 1] > INT_MAX || received + receive_words[r] > INT_MAX)
            throw std::runtime_error("too many edges between two ranks for one MPI message; use more ranks");
        send_counts[r] = static_cast<int>(send_words[r]);
        send_displs[r] = static_cast<int>(send_start[r]);
        receive_counts[r] = static_cast<int>(receive_words[r]);
        receive_displs[r] = static_cast<int>(received);
        received += receive_words[r];
    }
    std::vector<std::uint64_t> incoming(received);
    MPI_Alltoallv(outgoing.data(), send_counts.data(), send_displs.data(), MPI_UINT64_T, incoming.data(), receive_counts.data(),
                  receive_displs.data(), MPI_UINT64_T, static_cast<MPI_Comm>(world));
    std::vector<std::uint64_t>().swap(outgoing);

    // 5. Deduplicate at the owner: the edges grouped by local source (a counting sort, which
    // keeps the senders' order), each group in the files' order, then the first edge to each
    // target kept. The groups' order is the out-edge order one machine would build.
    const std::size_t records = received / words;
    auto source_of = [&](std::size_t i) { return static_cast<std::uint32_t>(incoming[i * words] >> 32); };
    auto sequence_of = [&](std::size_t i) { return incoming[i * words + 1]; };
    const std::size_t local_n = owner_of.block_size(n);
    std::vector<std::size_t> group_start(local_n + 1, 0);
    for (std::size_t i = 0; i < records; ++i) ++group_start[owner_of.local(std::uint64_t{source_of(i)}) + 1];
    for (std::size_t s = 0; s < local_n; ++s) group_start[s + 1] += group_start[s];
    std::vector<std::size_t> grouped(records);
    {
        std::vector<std::size_t> at(group_start.begin(), group_start.end() - 1);
        for (std::size_t i = 0; i < records; ++i) grouped[at[owner_of.local(std::uint64_t{source_of(i)})]++] = i;
    }
    constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    std::vector<std::uint32_t> kept_for(n, kNone);  // the local source that last kept an edge to a target
    graph.edges.clear();
    graph.weights.clear();
    graph.edges.reserve(records);
    for (std::size_t s = 0; s < local_n; ++s) {
        const auto first = grouped.begin() + static_cast<std::ptrdiff_t>(group_start[s]);
        const auto last = grouped.begin() + static_cast<std::ptrdiff_t>(group_start[s + 1]);
        // One sender's edges arrive in order; several files can interleave the senders.
        auto by_sequence = [&](std::size_t a, std::size_t b) { return sequence_of(a) < sequence_of(b); };
        if (!std::is_sorted(first, last, by_sequence)) std::sort(first, last, by_sequence);
        for (auto it = first; it != last; ++it) {
            const std::uint64_t pair = incoming[*it * words];
            const auto v = static_cast<std::uint32_t>(pair & 0xFFFFFFFFu);
            if (kept_for[v] == s) continue;
            kept_for[v] = static_cast<std::uint32_t>(s);
            graph.edges.emplace_back(static_cast<std::uint32_t>(pair >> 32), v);
            if (weighted) graph.weights.push_back(std::bit_cast<double>(incoming[*it * words + 2]));
        }
    }
    load.edges = boost::mpi::all_reduce(world, static_cast<std::uint64_t>(graph.edges.size()), std::plus<std::uint64_t>());
    return true;
}

}  // namespace citegraph::analysis::distributed
