/// A provider and model: the unit of health, metrics and routing.
struct TargetKey: Hashable, Sendable, CustomStringConvertible {
    var provider: String
    var model: String

    var description: String { "\(provider)/\(model)" }
}
