import Logging
import SwitchyardConfig
import SwitchyardCore

/// The result of one try, raced against the request's deadline.
enum AttemptResult<Value: Sendable>: Sendable {
    case value(ProviderReply<Value>)
    case failure(SwitchyardError)
    case deadline
    case cancelled
}

extension Router {
    /// Routes one call: resolve, filter, then try targets in order with retries, fallback, cool-downs and one deadline.
    /// - Parameters:
    ///   - passDeadline: Whether the provider is told the deadline (it bounds its transfer by it). Streams without a
    ///     caller timeout are bounded by the deadline only until their first event.
    ///   - reasons: Why a target's capabilities cannot serve the request; empty when they can.
    ///   - call: The provider call for one attempt.
    func run<Value: Sendable>(
        model: String,
        operation: String,
        options: RequestOptions,
        passDeadline: Bool,
        reasons: (ModelCapabilities) -> [String],
        call: @escaping @Sendable (any Provider, String, ProviderCallContext) async throws -> ProviderReply<Value>
    ) async throws(RoutingError) -> RoutedReply<Value> {
        let start = clock.now()
        let budget = options.timeout ?? configuration.timeouts.request
        let deadline = start + budget
        var trail = AttemptTrail(route: model)
        // Built on first use: most requests log nothing here, and copying metadata into a logger showed in profiles.
        lazy var logger: Logger = {
            var logger = self.logger
            logger[metadataKey: "request.id"] = .string(options.requestID)
            logger[metadataKey: "switchyard.route"] = .string(model)
            logger[metadataKey: "switchyard.operation"] = .string(operation)
            return logger
        }()

        guard let route = table.route(for: model) else {
            let known = table.routeNames.joined(separator: ", ")
            throw RoutingError(
                error: SwitchyardError(
                    .unknownModel,
                    "model \"\(model)\" is neither a configured route nor a catalog model (routes: \(known.isEmpty ? "none" : known))",
                    model: model
                ),
                trail: trail
            )
        }
        let ordered = TargetSelection.order(route, random: random.next)
        let (eligible, skipped) = TargetSelection.filter(ordered, reasons: reasons)
        trail.skipped = skipped
        for target in skipped {
            metrics.skipped(TargetKey(provider: target.provider, model: target.model), reason: "capability")
        }
        guard !eligible.isEmpty else {
            let error = Self.noCapableTarget(route: route, skipped: skipped)
            logger.info("no capable target", metadata: ["error": "\(error.message)"])
            throw RoutingError(error: error, trail: trail)
        }

        var lastError: SwitchyardError?
        var previous: TargetKey?
        var soonestReopening: ContinuousClock.Instant?
        for target in eligible {
            let key = target.key
            guard let provider = providers[key.provider] else { continue }
            var probing = false
            switch health.admit(key, now: clock.now()) {
            case .skip(let reason, let reopensAt):
                if let reopensAt { soonestReopening = min(soonestReopening ?? reopensAt, reopensAt) }
                trail.skipped.append(SkippedTarget(provider: key.provider, model: key.model, reasons: [reason]))
                metrics.skipped(key, reason: "cooldown")
                logger.debug("target skipped", metadata: ["switchyard.target": "\(key)", "reason": "\(reason)"])
                continue
            case .probe:
                probing = true
            case .pass:
                break
            }
            if let previous {
                trail.fallbacks += 1
                metrics.fallback(route: route.name, from: previous)
                logger.info("falling back", metadata: ["from": "\(previous)", "to": "\(key)"])
            }
            previous = key

            var attemptNumber = 0
            tries: while true {
                attemptNumber += 1
                let began = clock.now()
                if began >= deadline {
                    if probing { health.releaseProbe(key) }
                    throw RoutingError(error: Self.deadlineError(budget: budget, last: lastError, model: model), trail: trail)
                }
                let context = ProviderCallContext(requestID: options.requestID, deadline: passDeadline ? deadline : nil)
                let result = await attempt(provider: provider, model: key.model, context: context, deadline: deadline, call: call)
                let duration = clock.now() - began
                switch result {
                case .value(let reply):
                    trail.attempts.append(Attempt(provider: key.provider, model: key.model, outcome: .success, duration: duration))
                    metrics.attempt(key, outcome: "success", duration: duration)
                    health.record(key, .healthy, now: clock.now())
                    trail.provider = key.provider
                    trail.model = key.model
                    if trail.attempts.count > 1 {
                        logger.info(
                            "answered after \(trail.attempts.count) attempts",
                            metadata: ["switchyard.target": "\(key)", "switchyard.attempts": "\(trail.attemptsHeaderValue)"]
                        )
                    }
                    return RoutedReply(value: reply.value, trail: trail, warnings: reply.warnings)

                case .deadline:
                    let error = Self.deadlineError(budget: budget, last: lastError, model: model)
                    trail.attempts.append(Attempt(provider: key.provider, model: key.model, outcome: Self.outcome(error), duration: duration))
                    metrics.attempt(key, outcome: error.code.rawValue, duration: duration)
                    // The caller's deadline says nothing about the target's health: no failure is counted.
                    if probing { health.releaseProbe(key) }
                    logger.info("deadline passed", metadata: ["switchyard.target": "\(key)", "timeout": "\(budget.compactText)"])
                    throw RoutingError(error: error, trail: trail)

                case .cancelled:
                    if probing { health.releaseProbe(key) }
                    throw RoutingError(error: SwitchyardError(.cancelled, "the request was cancelled", model: model), trail: trail)

                case .failure(var error):
                    if error.provider == nil { error.provider = key.provider }
                    if error.model == nil { error.model = key.model }
                    trail.attempts.append(Attempt(provider: key.provider, model: key.model, outcome: Self.outcome(error), duration: duration))
                    metrics.attempt(key, outcome: error.code.rawValue, duration: duration)
                    lastError = error
                    var attemptMetadata: Logger.Metadata = ["switchyard.target": "\(key)", "attempt": "\(attemptNumber)", "error": "\(error)"]
                    if clock.now() >= deadline, error.isRetryable {
                        // The provider's own timer (bounded by our deadline) fired first: the request's deadline, not
                        // the target's health, ended this attempt.
                        if probing { health.releaseProbe(key) }
                        logger.info("deadline passed", metadata: attemptMetadata)
                        throw RoutingError(error: Self.deadlineError(budget: budget, last: error, model: model), trail: trail)
                    }
                    if error.code == .cancelled {
                        // The caller went away: no verdict on the target's health.
                        if probing { health.releaseProbe(key) }
                        throw RoutingError(error: error, trail: trail)
                    }
                    switch FailureClass(error) {
                    case .final:
                        health.record(key, .healthy, now: clock.now())
                        logger.debug("caller error; not retried", metadata: attemptMetadata)
                        throw RoutingError(error: error, trail: trail)

                    case .targetSpecific:
                        health.record(key, .healthy, now: clock.now())
                        logger.warning("target cannot serve; falling back", metadata: attemptMetadata)
                        break tries

                    case .retryable:
                        let perDay = QuotaScope.isPerDay(error)
                        health.record(key, .failing(perDay: perDay, retryAfter: error.retryAfter), now: clock.now())
                        if perDay {
                            logger.warning("per-day quota exhausted; moving on", metadata: attemptMetadata)
                            break tries
                        }
                        if probing {
                            logger.info("probe failed; moving on", metadata: attemptMetadata)
                            break tries
                        }
                        switch retryPolicy.decision(after: error, attempt: attemptNumber, unit: random.next()) {
                        case .moveOn(let reason):
                            attemptMetadata["reason"] = "\(reason)"
                            logger.info("retryable failure; moving on", metadata: attemptMetadata)
                            break tries
                        case .retry(let wait, let advised):
                            let wakeUp = clock.now() + wait
                            if wakeUp >= deadline {
                                attemptMetadata["wait"] = "\(wait.compactText)"
                                logger.info("waiting would pass the deadline; moving on", metadata: attemptMetadata)
                                break tries
                            }
                            attemptMetadata["wait"] = "\(wait.compactText)"
                            attemptMetadata["wait.advised"] = "\(advised)"
                            logger.debug("retrying", metadata: attemptMetadata)
                            do {
                                try await clock.sleepUntil(wakeUp)
                            } catch {
                                throw RoutingError(error: SwitchyardError(.cancelled, "the request was cancelled", model: model), trail: trail)
                            }
                            switch health.admit(key, now: clock.now()) {
                            case .skip(let reason, _):
                                logger.info(
                                    "target cooled down while waiting; moving on",
                                    metadata: ["switchyard.target": "\(key)", "reason": "\(reason)"]
                                )
                                break tries
                            case .probe:
                                probing = true
                            case .pass:
                                break
                            }
                        }
                    }
                }
            }
        }

        if let lastError {
            throw RoutingError(error: lastError, trail: trail)
        }
        // Every capable target was cooling down: nothing was tried.
        let cooling = trail.skipped.filter { skipped in eligible.contains { $0.key.provider == skipped.provider && $0.key.model == skipped.model } }
        let error = SwitchyardError(
            .upstreamUnavailable,
            "every target of \"\(route.name)\" that can serve this request is cooling down: " + cooling.map(\.description).joined(separator: " | "),
            model: model,
            retryAfter: soonestReopening.map { max(.zero, $0 - clock.now()) }
        )
        logger.warning("every capable target is cooling down")
        throw RoutingError(error: error, trail: trail)
    }

    /// One provider call, raced against the deadline; the loser is cancelled.
    ///
    /// The call runs as the one child task; this task waits on an alarm that the deadline or the call's end settles
    /// (no second task sleeping until the deadline).
    func attempt<Value: Sendable>(
        provider: any Provider,
        model: String,
        context: ProviderCallContext,
        deadline: ContinuousClock.Instant,
        call: @escaping @Sendable (any Provider, String, ProviderCallContext) async throws -> ProviderReply<Value>
    ) async -> AttemptResult<Value> {
        let alarms = self.alarms
        let alarm = alarms.arm(until: deadline)
        return await withTaskGroup(of: AttemptResult<Value>.self) { group in
            group.addTask {
                defer { alarms.ring(alarm) }
                do {
                    return .value(try await call(provider, model, context))
                } catch let error as SwitchyardError {
                    return .failure(error)
                } catch is CancellationError {
                    return .cancelled
                } catch {
                    return .failure(SwitchyardError(.internal, "provider call failed: \(error)", provider: provider.name, model: model))
                }
            }
            if await alarms.wait(alarm) {
                group.cancelAll()
                _ = await group.next()
                return .deadline
            }
            return await group.next() ?? .cancelled
        }
    }

    static func outcome(_ error: SwitchyardError) -> Attempt.Outcome {
        .failure(code: error.code, httpStatus: error.httpStatus, message: error.message)
    }

    static func deadlineError(budget: Duration, last: SwitchyardError?, model: String) -> SwitchyardError {
        var message = "the request's deadline of \(budget.compactText) passed"
        if let last { message += "; last failure: \(last.code): \(last.message)" }
        return SwitchyardError(.deadlineExceeded, message, model: model)
    }

    /// `noCapableTarget` (400 INVALID_ARGUMENT) listing each target and why it cannot serve, also as `ErrorInfo`
    /// metadata keyed by `provider/model`.
    static func noCapableTarget(route: RouteTable.Route, skipped: [SkippedTarget]) -> SwitchyardError {
        let kind = route.isRoute ? "route" : "model"
        let list = skipped.map(\.description).joined(separator: " | ")
        let metadata = JSONValue.object(
            JSONObject(skipped.map { (key: "\($0.provider)/\($0.model)", value: JSONValue.string($0.reasons.joined(separator: "; "))) })
        )
        let info = JSONValue.object(
            JSONObject([
                (key: "@type", value: "type.googleapis.com/google.rpc.ErrorInfo"),
                (key: "reason", value: "NO_CAPABLE_TARGET"),
                (key: "domain", value: "switchyard"),
                (key: "metadata", value: metadata),
            ])
        )
        return SwitchyardError(
            .noCapableTarget,
            "no target of \(kind) \"\(route.name)\" can serve this request: \(list)",
            model: route.name,
            details: [info]
        )
    }
}
