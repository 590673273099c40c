/// Gives articles their final ids in input order, before any analyzer or exporter sees them.
///
/// Inputs are read concurrently, but an id taken twice must go to the later article as `id-2`
/// whatever order the reads finish in, and the document must carry that id (a file named
/// `story-2.json` says `"id": "story-2"`). Each work item calls `assign` once, with its index;
/// the call waits until every earlier item has been assigned or skipped. Ids are compared as the
/// file names they become (`SafeFileName`), so two ids that name one file are told apart too.
actor IDAssigner {
    private var next = 0
    private var skipped: Set<Int> = []
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    /// Hashes of the file names taken, so memory stays small on a stream of millions.
    private var used: Set<UInt64> = []
    /// For an id taken more than once (by the hash of the id itself, since the suffixes tried are
    /// the id's own), the suffix to try next: every smaller one is taken, and stays so, so a
    /// thousand articles of one name cost a thousand tries instead of half a million.
    private var nextSuffix: [UInt64: Int] = [:]

    /// The final ids for the documents of item `index`, in order.
    func assign(_ ids: [String], at index: Int) async -> [String] {
        if index < next || skipped.contains(index) {
            // Already skipped (timed out): its results are dropped, the ids do not matter.
            return ids
        }
        if index > next { await withCheckedContinuation { waiting[index] = $0 } }
        // Skipped while it waited: another path has already moved on.
        guard index == next else { return ids }
        var final: [String] = []
        for id in ids {
            if used.insert(Self.key(id)).inserted {
                final.append(id)
                continue
            }
            let own = SafeFileName.fnv1a(id)
            var n = nextSuffix[own] ?? 2
            var candidate = "\(id)-\(n)"
            while !used.insert(Self.key(candidate)).inserted {
                n += 1
                candidate = "\(id)-\(n)"
            }
            nextSuffix[own] = n + 1
            final.append(candidate)
        }
        advance()
        return final
    }

    /// Marks item `index` as done without ids, so later items need not wait for it.
    func skip(_ index: Int) {
        guard index >= next else { return }
        if index == next { advance() } else { skipped.insert(index) }
    }

    private func advance() {
        next += 1
        while skipped.remove(next) != nil {
            // A skipped item may still be waiting for its turn: let it return.
            waiting.removeValue(forKey: next)?.resume()
            next += 1
        }
        waiting.removeValue(forKey: next)?.resume()
    }

    private static func key(_ id: String) -> UInt64 {
        #if os(macOS)
            SafeFileName.fnv1a(SafeFileName.component(id).lowercased())
        #else
            SafeFileName.fnv1a(SafeFileName.component(id))
        #endif
    }
}
