internal import CLibXML2

/// Keeps libxml2 from printing to standard error.
///
/// The NOERROR and NOWARNING parser options do not cover every message (encoding conversion and
/// I/O errors still go to the generic handler, which prints), and a batch run should print only
/// Dossier's own diagnostics. libxml2 keeps its handlers per thread, and tasks move between
/// threads, so this is called before each parse; a structured handler takes precedence over the
/// generic one, and unlike the generic one it is not variadic, so Swift can supply it.
enum LibXML2Quiet {
    static func install() {
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}
