import Foundation

/// The shipped word lists: text files of one entry a line under `Resources/<folder>/`, where
/// blank lines and lines starting with `#` are left out.
enum ResourceList {
    /// The entries of `Resources/<folder>/<name>.txt` in `bundle`, trimmed; `nil` when the file
    /// is missing or unreadable.
    static func entries(_ name: String, folder: String, bundle: Bundle = .module) -> [String]? {
        guard let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: "Resources/\(folder)"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let entry = line.trimmingCharacters(in: .whitespaces)
            return entry.isEmpty || entry.hasPrefix("#") ? nil : entry
        }
    }
}
