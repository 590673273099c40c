import Dossier
import DossierCLI

#if canImport(Glibc)
    import Glibc

    // glibc serves a block of 128 KiB or more with mmap(2) and gives it back when freed, but the
    // first such free raises that threshold (up to 32 MiB) and later large blocks come from the
    // heap, where a freed one stays resident. On one large article that kept the freed arrays of
    // one analyzer beside the next one's (the recognizer's tokens beside what the date scanner
    // and the sentence splitter had let go): 6 to 12 MB of the peak at 20 MB of prose. Fixing the
    // threshold at its starting value keeps the peak to what is alive (Docs/Performance.md).
    // mallopt is declared in <malloc.h>, which the Glibc module does not import: looked up by name.
    if let mallopt = dlsym(nil, "mallopt") {
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(mmapThreshold, 128 * 1024)
    }
#endif

await DossierCommand.main(registry: .standard, extraCommands: [EvaluateCommand.self])
