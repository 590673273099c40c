extension YAMLNode {
    /// This mapping laid over `base`: keys in `self` win, keys only in `base` are added after them.
    ///
    /// Where both sides hold a mapping under the same key, the two are merged the same way, to any
    /// depth; any other value in `self` replaces the base value whole (lists are not concatenated).
    /// Keys match by their scalar text, whatever their style. When either side is not a mapping,
    /// the result is `self` unchanged. An explicit null in `self` wins over the base value.
    public func merged(over base: YAMLNode) -> YAMLNode {
        guard let pairs = mapping, let basePairs = base.mapping else { return self }
        var result: [(key: YAMLNode, value: YAMLNode)] = []
        result.reserveCapacity(max(pairs.count, basePairs.count))
        var seen = Set<String>()
        var baseByKey: [String: YAMLNode] = [:]
        for pair in basePairs {
            guard let key = pair.key.scalar, baseByKey[key] == nil else { continue }
            baseByKey[key] = pair.value
        }
        for pair in pairs {
            guard let key = pair.key.scalar else {
                result.append(pair)
                continue
            }
            seen.insert(key)
            if let under = baseByKey[key] {
                result.append((key: pair.key, value: pair.value.merged(over: under)))
            } else {
                result.append(pair)
            }
        }
        for pair in basePairs {
            guard let key = pair.key.scalar else { continue }
            if seen.insert(key).inserted { result.append(pair) }
        }
        return YAMLNode(.mapping(result), at: location, tag: tag)
    }

    /// A copy with every scalar value rewritten by `transform`; styles, tags and locations are kept.
    ///
    /// Mapping keys are left alone. The closure gets the scalar's text and its node (for the style
    /// and for the location of any error it throws), such as when interpolating `${NAME}`. A plain
    /// scalar stays plain, so a plain `${PORT}` that becomes `8080` then resolves as an integer.
    public func mapScalars(_ transform: (_ text: String, _ node: YAMLNode) throws -> String) rethrows -> YAMLNode {
        var copy = self
        switch content {
        case .scalar(let text, let style):
            copy.content = .scalar(try transform(text, self), style)
        case .sequence(let items):
            copy.content = .sequence(try items.map { try $0.mapScalars(transform) })
        case .mapping(let pairs):
            copy.content = .mapping(try pairs.map { (key: $0.key, value: try $0.value.mapScalars(transform)) })
        }
        return copy
    }
}
