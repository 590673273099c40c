internal import CLibXML2

/// Keeps libxml2 from printing to standard error.
///
/// The NOERROR and NOWARNING parser options do not cover every message (encoding conversion and
/// I/O errors still go to the generic handler, which prints), and a batch run should print only
/// Dossier's own diagnostics. libxml2 keeps its handlers per thread, and tasks move between
/// threads, so this is called before each parse; a structured handler takes precedence over the
/// generic one, and unlike the generic one it is not variadic, so Swift can supply it.
///
/// It also initialises libxml2 once per process before the first parse: `xmlInitParser` is not
/// reentrant and must run before threads use the library. Without it, two articles whose first
/// parses began at the same moment (a JSON Lines stream of HTML records with two jobs) could both
/// set up libxml2's dictionary lock lazily and then wait on it forever: a hang seen in CI.
enum LibXML2Quiet {
    /// Runs `xmlInitParser` exactly once; Swift initialises a static property once, thread-safely.
    private static let initialized: Void = xmlInitParser()

    static func install() {
        _ = initialized
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}
