import SwitchyardCore

/// A Google API error: `{"error":{"code","message","status","details"}}` (google.rpc.Status as JSON).
///
/// Message texts follow what Google's services answer; each constructor names where the wording comes from.
struct GoogleError: Error, Sendable {
    var code: Int
    var status: String
    var message: String
    var details: [JSONValue] = []

    var body: JSONValue {
        var error: [(String, JSONValue)] = [
            ("code", .integer(Int64(code))),
            ("message", .string(message)),
            ("status", .string(status)),
        ]
        if !details.isEmpty { error.append(("details", .array(details))) }
        return .members([("error", .members(error))])
    }

    /// The canonical status name for an HTTP status, as Google maps them.
    static func statusName(forHTTP code: Int) -> String {
        switch code {
        case 400: "INVALID_ARGUMENT"
        case 401: "UNAUTHENTICATED"
        case 403: "PERMISSION_DENIED"
        case 404: "NOT_FOUND"
        case 409: "ABORTED"
        case 412: "FAILED_PRECONDITION"
        case 413: "INVALID_ARGUMENT"
        case 429: "RESOURCE_EXHAUSTED"
        case 499: "CANCELLED"
        case 500: "INTERNAL"
        case 501: "UNIMPLEMENTED"
        case 503: "UNAVAILABLE"
        case 504: "DEADLINE_EXCEEDED"
        default: "UNKNOWN"
        }
    }

    /// Google's usual message for a status, for injected faults.
    static func forStatus(_ code: Int) -> GoogleError {
        let message =
            switch code {
            case 500: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"
            case 503: "The model is overloaded. Please try again later."
            case 504: "The request timed out. Please try again."
            case 429: "Resource has been exhausted (e.g. check quota)."
            case 400: "Request contains an invalid argument."
            case 401: "Request had invalid authentication credentials."
            case 403: "The caller does not have permission"
            case 404: "Requested entity was not found."
            default: "Injected fault: HTTP \(code)."
            }
        return GoogleError(code: code, status: statusName(forHTTP: code), message: message)
    }

    static func errorInfo(reason: String, domain: String, metadata: [(String, String)]) -> JSONValue {
        .members([
            ("@type", "type.googleapis.com/google.rpc.ErrorInfo"),
            ("reason", .string(reason)),
            ("domain", .string(domain)),
            ("metadata", .members(metadata.map { ($0.0, JSONValue.string($0.1)) })),
        ])
    }

    // MARK: API keys (generativelanguage and aiplatform)

    /// No API key and no other identity. Body as captured from generativelanguage.googleapis.com (no details).
    static let unregisteredCaller = GoogleError(
        code: 403,
        status: "PERMISSION_DENIED",
        message:
            "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
    )

    /// A key that is not valid, with the ErrorInfo and LocalizedMessage details Google sends.
    static func invalidAPIKey(service: String) -> GoogleError {
        let message = "API key not valid. Please pass a valid API key."
        return GoogleError(
            code: 400,
            status: "INVALID_ARGUMENT",
            message: message,
            details: [
                errorInfo(reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: [("service", service)]),
                .members([
                    ("@type", "type.googleapis.com/google.rpc.LocalizedMessage"),
                    ("locale", "en-US"),
                    ("message", .string(message)),
                ]),
            ]
        )
    }

    // MARK: OAuth on aiplatform

    static func credentialsMissing(method: String) -> GoogleError {
        GoogleError(
            code: 401,
            status: "UNAUTHENTICATED",
            message:
                "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
            details: [
                errorInfo(
                    reason: "CREDENTIALS_MISSING",
                    domain: "googleapis.com",
                    metadata: [("method", method), ("service", "aiplatform.googleapis.com")]
                )
            ]
        )
    }

    static func invalidCredentials(method: String, reason: String, service: String = "aiplatform.googleapis.com") -> GoogleError {
        GoogleError(
            code: 401,
            status: "UNAUTHENTICATED",
            message:
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
            details: [
                errorInfo(
                    reason: reason,
                    domain: "googleapis.com",
                    metadata: [("method", method), ("service", service)]
                )
            ]
        )
    }

    static func permissionDenied(resource: String, permission: String) -> GoogleError {
        GoogleError(
            code: 403,
            status: "PERMISSION_DENIED",
            message: "Permission '\(permission)' denied on resource '//aiplatform.googleapis.com/\(resource)' (or it may not exist).",
            details: [
                errorInfo(
                    reason: "IAM_PERMISSION_DENIED",
                    domain: "aiplatform.googleapis.com",
                    metadata: [("permission", permission), ("resource", resource)]
                )
            ]
        )
    }

    static func userProjectDenied(project: String) -> GoogleError {
        GoogleError(
            code: 403,
            status: "PERMISSION_DENIED",
            message:
                "Caller does not have required permission to use project \(project). Grant the caller the roles/serviceusage.serviceUsageConsumer role, or a custom role with the serviceusage.services.use permission, by visiting https://console.developers.google.com/iam-admin/iam/project?project=\(project) and then retry. Propagation of the new permission may take a few minutes.",
            details: [
                errorInfo(
                    reason: "USER_PROJECT_DENIED",
                    domain: "googleapis.com",
                    metadata: [("consumer", "projects/\(project)"), ("service", "aiplatform.googleapis.com")]
                )
            ]
        )
    }

    // MARK: Models

    static func aiStudioModelNotFound(model: String, version: String, method: String) -> GoogleError {
        GoogleError(
            code: 404,
            status: "NOT_FOUND",
            message:
                "models/\(model) is not found for API version \(version), or is not supported for \(method). Call ListModels to see the list of available models and their supported methods."
        )
    }

    static func publisherModelNotFound(resource: String) -> GoogleError {
        GoogleError(
            code: 404,
            status: "NOT_FOUND",
            message:
                "Publisher Model `\(resource)` was not found or your project does not have access to it. Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions"
        )
    }

    // MARK: Payload

    static func badRequest(_ violations: [FieldViolation]) -> GoogleError {
        GoogleError(
            code: 400,
            status: "INVALID_ARGUMENT",
            message: violations.map(\.description).joined(separator: "\n"),
            details: [
                .members([
                    ("@type", "type.googleapis.com/google.rpc.BadRequest"),
                    (
                        "fieldViolations",
                        .array(
                            violations.map { violation in
                                var members: [(String, JSONValue)] = []
                                if let field = violation.field { members.append(("field", .string(field))) }
                                members.append(("description", .string(violation.description)))
                                return .members(members)
                            }
                        )
                    ),
                ])
            ]
        )
    }

    static func invalidArgument(_ message: String) -> GoogleError {
        GoogleError(code: 400, status: "INVALID_ARGUMENT", message: message)
    }

    /// A 429 with `QuotaFailure` and `RetryInfo`; `perDay` names the per-day quota instead of the per-minute one.
    static func rateLimited(retryDelay: String, surface: EmulatorFault.Surface, model: String?, perDay: Bool = false) -> GoogleError {
        let modelName = model ?? "unknown"
        if surface == .vertex {
            return GoogleError(
                code: 429,
                status: "RESOURCE_EXHAUSTED",
                message:
                    "Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
                details: [
                    .members([
                        ("@type", "type.googleapis.com/google.rpc.QuotaFailure"),
                        (
                            "violations",
                            [
                                .members([
                                    (
                                        "quotaMetric",
                                        perDay
                                            ? "aiplatform.googleapis.com/generate_content_requests_per_day_per_project_per_base_model"
                                            : "aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model"
                                    ),
                                    (
                                        "quotaId",
                                        perDay
                                            ? "GenerateContentRequestsPerDayPerProjectPerBaseModel"
                                            : "GenerateContentRequestsPerMinutePerProjectPerBaseModel"
                                    ),
                                    ("quotaDimensions", .members([("base_model", .string(modelName)), ("region", "global")])),
                                    ("quotaValue", "5"),
                                ])
                            ]
                        ),
                    ]),
                    .members([("@type", "type.googleapis.com/google.rpc.RetryInfo"), ("retryDelay", .string(retryDelay))]),
                ]
            )
        }
        return GoogleError(
            code: 429,
            status: "RESOURCE_EXHAUSTED",
            message:
                "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
            details: [
                .members([
                    ("@type", "type.googleapis.com/google.rpc.QuotaFailure"),
                    (
                        "violations",
                        [
                            .members([
                                ("quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests"),
                                (
                                    "quotaId",
                                    perDay
                                        ? "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
                                        : "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"
                                ),
                                ("quotaDimensions", .members([("location", "global"), ("model", .string(modelName))])),
                                ("quotaValue", "15"),
                            ])
                        ]
                    ),
                ]),
                .members([
                    ("@type", "type.googleapis.com/google.rpc.Help"),
                    (
                        "links",
                        [
                            .members([
                                ("description", "Learn more about Gemini API quotas"),
                                ("url", "https://ai.google.dev/gemini-api/docs/rate-limits"),
                            ])
                        ]
                    ),
                ]),
                .members([("@type", "type.googleapis.com/google.rpc.RetryInfo"), ("retryDelay", .string(retryDelay))]),
            ]
        )
    }
}

/// One entry of a `google.rpc.BadRequest`: the snake_case path (absent for top-level unknown names) and the text.
struct FieldViolation: Sendable, Hashable {
    var field: String?
    var description: String
}
