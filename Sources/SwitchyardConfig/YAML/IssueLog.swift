/// Collects issues while one file is read; loading fails once at the end with all of them.
final class IssueLog {
    let file: String
    private(set) var issues: [ConfigurationIssue] = []

    init(file: String) {
        self.file = file
    }

    func add(_ code: ConfigurationIssue.Code, line: Int, path: String, _ message: String) {
        issues.append(ConfigurationIssue(code, file: file, line: line, path: path, message: message))
    }

    /// The issues ordered by line, this log's file first, keeping the reading order within a line.
    var sortedIssues: [ConfigurationIssue] {
        func key(_ entry: (offset: Int, element: ConfigurationIssue)) -> (Int, String, Int, Int) {
            (entry.element.file == file ? 0 : 1, entry.element.file, entry.element.line, entry.offset)
        }
        return issues.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    func append(contentsOf other: [ConfigurationIssue]) {
        issues.append(contentsOf: other)
    }
}
