import Foundation

/// One row of the printed table: a figure measured on the direct path (baseline) and through the gateway, each
/// the median of several rounds, with the range over the rounds.
struct Row {
    var figure: String
    var baseline: [Double]
    var gateway: [Double]
    var unit: String
    /// `added` prints gateway − baseline; `ratio` prints gateway / baseline.
    var showAdded: Bool
    var target: String = ""
    var met: Bool?

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var added: [Double] { zip(gateway, baseline).map { $0 - $1 } }
    var ratios: [Double] { zip(gateway, baseline).map { $1 == 0 ? .nan : $0 / $1 } }

    func cells() -> [String] {
        let addedCell = showAdded ? "\(Self.format(Self.median(added), unit)) (\(Self.range(added, unit)))" : ""
        return [
            figure,
            "\(Self.format(Self.median(baseline), unit)) (\(Self.range(baseline, unit)))",
            "\(Self.format(Self.median(gateway), unit)) (\(Self.range(gateway, unit)))",
            addedCell,
            "\(Self.format(Self.median(ratios), "×")) (\(Self.range(ratios, "×")))",
            target.isEmpty ? "" : "\(target) \(met.map { $0 ? "✅ met" : "❌ missed" } ?? "")",
        ]
    }

    static func range(_ values: [Double], _ unit: String) -> String {
        guard let low = values.min(), let high = values.max() else { return "-" }
        return "\(format(low, unit, bare: true))–\(format(high, unit, bare: true))"
    }

    static func format(_ value: Double, _ unit: String, bare: Bool = false) -> String {
        guard value.isFinite else { return "-" }
        let number: String
        switch unit {
        case "µs": number = abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
        case "×": number = String(format: "%.2f", value)
        case "req/s": number = String(format: "%.0f", value)
        case "ns": number = String(format: "%.0f", value)
        case "ms": number = String(format: "%.1f", value)
        case "MB": number = String(format: "%.1f", value)
        default: number = String(format: "%.2f", value)
        }
        return bare || unit.isEmpty ? number : "\(number) \(unit)"
    }
}

func printTable(_ rows: [Row]) {
    let header = ["figure", "baseline (direct)", "gateway", "added", "gateway/baseline", "target"]
    print("| " + header.joined(separator: " | ") + " |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows { print("| " + row.cells().joined(separator: " | ") + " |") }
}
