import Foundation

/// Parses durations written as a number and a unit: `500ms`, `30s`, `1.5s`, `2m`, `1h`.
enum DurationText {
    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (unit, seconds) in units where trimmed.hasSuffix(unit) {
            let number = trimmed.dropLast(unit.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(number) else {
                return nil
            }
            return .milliseconds(Int64((value * seconds * 1000).rounded()))
        }
        return nil
    }
}
