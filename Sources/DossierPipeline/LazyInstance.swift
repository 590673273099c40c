/// A component created the first time it is needed, once, however many tasks ask at the same time.
///
/// `reader: auto` holds one per registered reader, so that a run over HTML files never creates
/// the Markdown reader, and `dossier plan` creates none. The lock is held while the component is
/// created: a second task asking meanwhile waits for the first one's instance rather than making
/// its own. A failure is kept too, so an `init` that fails is not retried for every input.
final class LazyInstance<Instance: Sendable>: Sendable {
    private let make: @Sendable () throws -> Instance
    private let state = Locked<Result<Instance, any Error>?>(nil)

    init(_ make: @escaping @Sendable () throws -> Instance) {
        self.make = make
    }

    init(made instance: Instance) {
        self.make = { instance }
        state.withLock { $0 = .success(instance) }
    }

    /// The instance, created now if it was not yet.
    func value() throws -> Instance {
        try state.withLock { state in
            if let state { return try state.get() }
            let result = Result { try make() }
            state = result
            return try result.get()
        }
    }

    /// Whether the instance was created (or its creation failed) already.
    var isCreated: Bool { state.withLock { $0 != nil } }
}
