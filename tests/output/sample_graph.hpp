#pragma once
// A small knowledge graph built by hand, with every node kind, every attribute filled, and
// both explicit evidence kinds. Shared by the JSON export tests and the networkx round trip.
//
//   topic:machine learning  <-subtopic_of-  topic:machine learning/interpretability
//                                              ^            ^   ^
//                               classified_as  |            |   | classified_as + suggested_topic
//                                    paper:2404.19756       paper:2405.10300 ("KAN")
//                                      ^      ^                 ^      ^
//        mentions (id) + related_to    |      |                 |      | builds_on (name "KAN")
//        (inferred 0.42), same pair    |      |                 |      |
//                                     gap:g1 -+-mentions (name "KAN")  idea:i1 -addresses-> gap:g1
#include <string>

#include "graph/model.hpp"

namespace citegraph::output::testing {

// A paper name with markup, quotes, emoji, right-to-left text and one invalid UTF-8 byte.
inline const std::string kHostileName =
    "\"KAN\" <b>&</b> \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D bad\xFF \"]; x -> y [ =1+1";

inline graph::KnowledgeGraph sample_graph() {
    using namespace citegraph::graph;
    KnowledgeGraph kg;
    const Provenance digest{"digests/2024-05.md", 12, "TOPIC_TREE"};

    const Vertex ml = kg.ensure(NodeKind::Topic, topic_key({"Machine Learning"}));
    kg[ml].label = "Machine Learning";
    kg[ml].seen.push_back(digest);
    kg[ml].topic().name = "Machine Learning";
    kg[ml].topic().path = "Machine Learning";

    const Vertex interp = kg.ensure(NodeKind::Topic, topic_key({"Machine Learning", "Interpretability"}));
    kg[interp].label = "Interpretability";
    kg[interp].seen.push_back({"digests/2024-05.md", 13, "TOPIC_TREE"});
    kg[interp].topic() = {"Interpretability", "Machine Learning > Interpretability", 1, {"(mostly KANs)"}};

    const Vertex kan = kg.ensure(NodeKind::Paper, "2405.10300");
    {
        NodeProps& n = kg[kan];
        n.label = "KAN";
        n.seen = {{"digests/2024-05.md", 14, "TOPIC_TREE"}, {"digests/2024-05.md", 40, "CONTRIBUTIONS"}};
        PaperProps& p = n.paper();
        p.version = "v2";
        p.names = {{"KAN", "tree", {"digests/2024-05.md", 14, "TOPIC_TREE"}},
                   {kHostileName, "contribution", {"digests/2024-05.md", 40, "CONTRIBUTIONS"}}};
        p.tree_entries = {{"Machine Learning > Interpretability", "Kolmogorov-Arnold Networks", {"digests/2024-05.md", 14, "TOPIC_TREE"}}};
        p.sota = {{1, "KAN, spline, MLP", "learnable activations", "interpretable", {"digests/2024-05.md", 30, "SOTA"}}};
        p.contributions = {{"KAN", "edges carry splines", "promising", {"digests/2024-05.md", 40, "CONTRIBUTIONS"}},
                           {"KAN 2", "symbolic regression", "", {"digests/2024-05.md", 44, "CONTRIBUTIONS"}}};
        p.reading = {{1, "KAN (Kolmogorov-Arnold Networks)", "read first", {"digests/2024-05.md", 60, "READING_LIST"}}};
        p.months = {"2024-05"};
        p.mentions_per_section = {{"CONTRIBUTIONS", 2}, {"TOPIC_TREE", 1}};
        p.title = "KAN: Kolmogorov-Arnold Networks";
        p.abstract = "Line one.\nLine \"two\".";
        p.date = "2024-04-30";
        p.same_as = {"2405.10300v9"};
    }

    const Vertex other = kg.ensure(NodeKind::Paper, "2404.19756");
    kg[other].label = "Jamba";
    kg[other].seen.push_back({"digests/2024-05.md", 15, "TOPIC_TREE"});
    kg[other].paper().names = {{"Jamba", "tree", {"digests/2024-05.md", 15, "TOPIC_TREE"}}};
    kg[other].paper().contributions = {{"Jamba", "hybrid SSM", "", {"digests/2024-05.md", 48, "CONTRIBUTIONS"}}};
    kg[other].paper().months = {"2024-04", "2024-05"};

    const Vertex gap = kg.ensure(NodeKind::Gap, "2024-05/g1");
    kg[gap].label = "Interpretable scaling";
    kg[gap].seen.push_back({"digests/2024-05.md", 70, "GAPS_AND_OPPORTUNITIES"});
    kg[gap].gap() = {"Interpretable scaling", "Nobody scales KAN.", {"sub one", "sub two"}, "2024-05"};

    const Vertex idea = kg.ensure(NodeKind::Idea, "2024-05/i1");
    kg[idea].label = "KAN at scale";
    kg[idea].seen.push_back({"digests/2024-05.md", 80, "FUTURE_IDEAS"});
    kg[idea].idea() = {"KAN at scale", "Moon-shot", "why", "what is new", "how", "MMLU", "may not train",
                       {{"Timeline", "6 months"}, {"Team", "2 people"}}, "2024-05"};

    const auto explicit_edge = [](EdgeKind kind, Evidence evidence, std::string matched, Provenance where) {
        EdgeProps e;
        e.kind = kind;
        e.evidence = evidence;
        e.score = 1.0;
        e.matched_text = std::move(matched);
        e.seen.push_back(std::move(where));
        return e;
    };
    kg.link(interp, ml, explicit_edge(EdgeKind::SubtopicOf, Evidence::Id, "", {"digests/2024-05.md", 13, "TOPIC_TREE"}));
    kg.link(kan, interp, explicit_edge(EdgeKind::ClassifiedAs, Evidence::Id, "", {"digests/2024-05.md", 14, "TOPIC_TREE"}));
    kg.link(other, interp, explicit_edge(EdgeKind::ClassifiedAs, Evidence::Id, "", {"digests/2024-05.md", 15, "TOPIC_TREE"}));
    kg.link(gap, kan, explicit_edge(EdgeKind::Mentions, Evidence::Name, "KAN", {"digests/2024-05.md", 71, "GAPS_AND_OPPORTUNITIES"}));
    kg.link(gap, other, explicit_edge(EdgeKind::Mentions, Evidence::Id, "2404.19756", {"digests/2024-05.md", 72, "GAPS_AND_OPPORTUNITIES"}));
    kg.link(idea, kan, explicit_edge(EdgeKind::BuildsOn, Evidence::Name, "KAN", {"digests/2024-05.md", 81, "FUTURE_IDEAS"}));

    EdgeProps related;  // inferred, and a second edge of another kind on the pair (gap, other)
    related.kind = EdgeKind::RelatedTo;
    related.evidence = Evidence::Inferred;
    related.score = 0.42;
    related.matched_text = "hybrid, scaling";
    kg.link(gap, other, related);

    EdgeProps suggested;  // a second edge of another kind on the pair (kan, interp)
    suggested.kind = EdgeKind::SuggestedTopic;
    suggested.evidence = Evidence::Inferred;
    suggested.score = 0.1 + 0.2;  // 0.30000000000000004: must round-trip exactly
    suggested.matched_text = "interpretable";
    kg.link(kan, interp, suggested);

    EdgeProps addresses;
    addresses.kind = EdgeKind::Addresses;
    addresses.evidence = Evidence::Inferred;
    addresses.score = 1e-7;
    addresses.matched_text = "scale";
    kg.link(idea, gap, addresses);
    return kg;
}

}  // namespace citegraph::output::testing
