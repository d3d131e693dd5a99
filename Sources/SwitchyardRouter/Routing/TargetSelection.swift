import SwitchyardConfig
import SwitchyardCore

/// Orders a route's targets and filters them by what a request needs.
enum TargetSelection {
    /// The order to try targets in: as configured for `fallback`; for `weighted`, a weighted draw without replacement
    /// (each remaining target chosen with probability weight / remaining weight), so the rest serve as fallbacks.
    static func order(_ route: RouteTable.Route, random: () -> Double) -> [RouteTable.Target] {
        guard route.strategy == .weighted, route.targets.count > 1 else { return route.targets }
        var remaining = route.targets
        var ordered: [RouteTable.Target] = []
        ordered.reserveCapacity(remaining.count)
        while !remaining.isEmpty {
            let total = remaining.reduce(0) { $0 + max(0, $1.weight) }
            guard total > 0 else {
                ordered.append(contentsOf: remaining)
                break
            }
            var draw = random() * Double(total)
            var index = remaining.count - 1
            for (position, target) in remaining.enumerated() {
                let weight = Double(max(0, target.weight))
                if draw < weight {
                    index = position
                    break
                }
                draw -= weight
            }
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }

    /// Splits targets into those that can serve and those skipped, with every reason.
    static func filter(
        _ targets: [RouteTable.Target],
        reasons: (ModelCapabilities) -> [String]
    ) -> (eligible: [RouteTable.Target], skipped: [SkippedTarget]) {
        var eligible: [RouteTable.Target] = []
        var skipped: [SkippedTarget] = []
        for target in targets {
            var why: [String] = []
            if let unavailable = target.unavailable { why.append(unavailable) }
            if let capabilities = target.capabilities {
                why.append(contentsOf: reasons(capabilities))
            } else {
                why.append("provider \(target.key.provider) does not serve model \(target.key.model) (not in its catalog or location)")
            }
            if why.isEmpty {
                eligible.append(target)
            } else {
                skipped.append(SkippedTarget(provider: target.key.provider, model: target.key.model, reasons: why))
            }
        }
        return (eligible, skipped)
    }

    /// Why a model cannot serve a generate request: the capability check, plus Imagen's limits spelled out.
    static func reasons(for needs: RequestNeeds, capabilities: ModelCapabilities) -> [String] {
        var reasons = needs.check(against: capabilities).map(\.message)
        if capabilities.apiMethod == .predict {
            // Imagen answers only a single-turn text prompt with images; say so even where the catalog is silent.
            if needs.hasImageInput, !reasons.contains(where: { $0.contains("image input") }) {
                reasons.append("has image input; Imagen models generate from a text prompt only")
            }
        }
        return reasons
    }

    /// Why a model cannot serve an Imagen-shaped request: it must produce images.
    static func imageReasons(for request: ImagenPredictRequest, capabilities: ModelCapabilities) -> [String] {
        var reasons: [String] = []
        if !capabilities.outputModalities.contains(.image) {
            reasons.append("needs image output; model outputs \(capabilities.outputModalities.map(\.rawValue).joined(separator: " and ")) only")
        }
        if let count = request.parameters?.sampleCount, count > 1 {
            let limit = capabilities.apiMethod == .predict ? capabilities.images?.imagesPerCall.upperBound ?? 1 : nil
            if let limit, count > limit { reasons.append("asks for \(count) images; model returns at most \(limit) per call") }
        }
        return reasons
    }

    /// Why a model cannot count tokens: Imagen models have no `countTokens`.
    static func countTokensReasons(capabilities: ModelCapabilities) -> [String] {
        capabilities.apiMethod == .generateContent ? [] : ["model is called with \(capabilities.apiMethod.rawValue); it cannot count tokens"]
    }
}
