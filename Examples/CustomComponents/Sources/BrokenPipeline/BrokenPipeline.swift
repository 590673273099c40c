// A target that exists to fail: its broken.dossier.yaml has mistakes, and Dossier's build-tool
// plugin stops the build at them with 'file:line:col: error: …'. Only in the package when
// DOSSIER_BROKEN_EXAMPLE=1 (see Package.swift), so 'swift build' builds the rest.
enum BrokenPipeline {}
