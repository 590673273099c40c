public import DossierCore

/// The order analyzers run in, grouped into stages of analyzers that do not depend on each other.
public struct Plan: Sendable, CustomStringConvertible {
    /// One analyzer in the plan.
    public struct Step: Sendable, Hashable {
        /// The analyzer id (its type).
        public var id: String
        /// The instance name: the id unless the pipeline file gives another with `as:`.
        public var name: String
        /// The stage it runs in, from 0; analyzers of one stage may run at the same time.
        public var stage: Int
        /// The layers it needs.
        public var requires: [LayerID]
        /// The layers it writes.
        public var provides: [LayerID]
        /// For each required layer, the analyzers (by instance name) in this pipeline that provide it.
        public var after: [LayerID: [String]]

        /// Creates a step; `name` defaults to the id.
        public init(id: String, name: String? = nil, stage: Int, requires: [LayerID], provides: [LayerID], after: [LayerID: [String]]) {
            self.id = id
            self.name = name ?? id
            self.stage = stage
            self.requires = requires
            self.provides = provides
            self.after = after
        }
    }

    /// The analyzers in run order.
    public var steps: [Step]
    /// For each exporter, the layers it reads.
    public var exporterNeeds: [(id: String, requires: [LayerID])]

    /// The number of stages.
    public var stageCount: Int { (steps.map(\.stage).max() ?? -1) + 1 }

    /// Why each step is where it is, one line each.
    public var description: String {
        var lines: [String] = []
        for stage in 0..<stageCount {
            let inStage = steps.filter { $0.stage == stage }
            lines.append("stage \(stage + 1)" + (inStage.count > 1 ? " (\(inStage.count) analyzers may run together)" : ""))
            for step in inStage {
                let why =
                    step.requires.isEmpty
                    ? "needs no layer"
                    : "needs "
                        + step.requires.map { layer in
                            "\(layer) (from \((step.after[layer] ?? []).map { "'\($0)'" }.joined(separator: ", ")))"
                        }.joined(separator: ", ")
                let gives = step.provides.isEmpty ? "" : "; provides " + step.provides.map(\.rawValue).joined(separator: ", ")
                let shown = step.name == step.id ? step.id : "\(step.name) (\(step.id))"
                lines.append("  \(shown): \(why)\(gives)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
