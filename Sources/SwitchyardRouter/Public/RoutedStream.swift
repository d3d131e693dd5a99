import SwitchyardCore

/// A stream whose first event has already arrived, so fallback (which is only possible before the first byte reaches
/// the caller) is over.
public struct RoutedStream: Sendable {
    /// Who answered and what was tried before the first event.
    public var trail: AttemptTrail
    /// Notes from the provider that answered.
    public var warnings: [String]
    /// The events, starting with the first; a later failure throws a ``SwitchyardCore/SwitchyardError`` naming the
    /// provider and model, which the server turns into an error event.
    public var events: GenerateContentStream

    /// Creates a routed stream.
    public init(trail: AttemptTrail, warnings: [String], events: GenerateContentStream) {
        self.trail = trail
        self.warnings = warnings
        self.events = events
    }
}
