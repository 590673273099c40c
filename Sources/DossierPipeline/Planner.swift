import DossierCore

/// Orders analyzers by the layers they require and provide.
///
/// Analyzers keep the order they were written in unless a dependency forces otherwise; each goes in
/// the earliest stage after every producer of the layers it requires. A required layer that no
/// analyzer provides, and a cycle of requirements, are errors naming the chain.
enum Planner {
    static func plan(
        analyzers: [(info: ComponentInfo, name: String, location: SourceLocation?)],
        exporters: [(info: ComponentInfo, name: String, location: SourceLocation?)],
        registry: Registry?
    ) -> (plan: Plan, report: LintReport) {
        var report = LintReport()
        // Names identify instances (in the plan, in `extends`), so one name per kind, once. The
        // pipeline file parser reports this with locations first; this guards pipelines built in Swift.
        for (kind, names) in [("analyzer", analyzers.map(\.name)), ("exporter", exporters.map(\.name))] {
            var seen: Set<String> = []
            for name in names where !seen.insert(name).inserted {
                report.error("E214", "two \(kind)s are named '\(name)'; give each instance its own name", at: nil)
            }
        }
        var producers: [LayerID: [Int]] = [:]
        for (i, a) in analyzers.enumerated() { for layer in a.info.provides { producers[layer, default: []].append(i) } }

        func missing(_ layer: LayerID, neededBy what: String, at location: SourceLocation?, code: String) {
            var fix = ""
            if let registry {
                let candidates = registry.producers(of: layer)
                if !candidates.isEmpty { fix = "; add " + candidates.map { "'\($0)'" }.joined(separator: " or ") + " to 'analyzers'" }
            }
            report.error(code, "\(what) requires layer '\(layer)', which no analyzer in this pipeline provides\(fix)", at: location)
        }

        // Dependencies: i depends on every producer of each layer it requires (except itself).
        var dependsOn: [[Int]] = Array(repeating: [], count: analyzers.count)
        for (i, a) in analyzers.enumerated() {
            for layer in a.info.requires {
                let from = (producers[layer] ?? []).filter { $0 != i }
                if from.isEmpty { missing(layer, neededBy: "analyzer '\(a.name)'", at: a.location, code: "E301") }
                dependsOn[i] += from
            }
        }
        for e in exporters {
            for layer in e.info.requires where producers[layer] == nil {
                missing(layer, neededBy: "exporter '\(e.name)'", at: e.location, code: "E303")
            }
        }

        // Stages by longest path, computed in a stable topological order.
        var stage = [Int?](repeating: nil, count: analyzers.count)
        var progress = true
        while progress {
            progress = false
            for i in analyzers.indices where stage[i] == nil {
                let deps = dependsOn[i]
                if deps.allSatisfy({ stage[$0] != nil }) {
                    stage[i] = (deps.compactMap { stage[$0] }.max() ?? -1) + 1
                    progress = true
                }
            }
        }
        let stuck = analyzers.indices.filter { stage[$0] == nil }
        if let start = stuck.first {
            // Walk dependencies among the stuck analyzers until one repeats: that loop is the cycle.
            var path = [start]
            var current = start
            while true {
                guard let next = dependsOn[current].first(where: { stuck.contains($0) }) else { break }
                if let at = path.firstIndex(of: next) {
                    let loop = Array(path[at...]) + [next]
                    var parts: [String] = []
                    for (a, b) in zip(loop, loop.dropFirst()) {
                        let layer = analyzers[a].info.requires.first { analyzers[b].info.provides.contains($0) }
                        parts.append("'\(analyzers[a].name)' requires '\(layer?.rawValue ?? "?")' from")
                    }
                    let chain = parts.joined(separator: " ") + " '\(analyzers[loop.last!].name)'"
                    report.error(
                        "E302", "analyzers depend on each other in a cycle: \(chain); remove one of them", at: analyzers[start].location)
                    break
                }
                path.append(next)
                current = next
            }
            for i in stuck { stage[i] = 0 }
        }

        let order = analyzers.indices.sorted { (stage[$0]!, $0) < (stage[$1]!, $1) }
        let steps = order.map { i -> Plan.Step in
            let a = analyzers[i].info
            var after: [LayerID: [String]] = [:]
            for layer in a.requires { after[layer] = (producers[layer] ?? []).filter { $0 != i }.map { analyzers[$0].name } }
            return Plan.Step(id: a.id, name: analyzers[i].name, stage: stage[i]!, requires: a.requires, provides: a.provides, after: after)
        }
        return (Plan(steps: steps, exporterNeeds: exporters.map { ($0.info.id, $0.info.requires) }), report)
    }
}
