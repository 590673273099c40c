internal import CLibFuzzer
import Foundation

/// The fuzz harness: libFuzzer's driver when it is linked in, a plain replayer of files otherwise.
///
/// The target comes from `DOSSIER_FUZZ_TARGET` rather than an argument, so the processes that
/// libFuzzer starts itself (`-fork`, `-merge`) fuzz the same one.
@main
enum DossierFuzz {
    static func main() {
        guard currentTarget != nil else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set DOSSIER_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(2)
        }
        if dossier_fuzz_has_libfuzzer() != 0 {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(dossier_fuzz_run_driver(&argc, &argv, fuzzOne))
        }
        exit(Replayer.replay(Array(CommandLine.arguments.dropFirst())))
    }
}

/// The target this process fuzzes, from the environment.
let currentTarget: FuzzTarget? = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

/// Runs one input through the current target; libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    currentTarget?.run(data)
    return 0
}
