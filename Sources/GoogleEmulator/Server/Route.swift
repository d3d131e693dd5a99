import Foundation

/// Where a request goes, from its method and path.
enum Route: Sendable, Equatable {
    case metadataPing
    case metadata(path: String)
    case token
    case aiStudioCall(version: String, model: String, method: String)
    case aiStudioList(version: String)
    case aiStudioGet(version: String, model: String)
    /// `project`/`location` are `nil` in express mode (`/{ver}/publishers/google/models/{m}:{method}`).
    case vertexCall(version: String, project: String?, location: String?, model: String, method: String)
    case vertexList(version: String)
    case vertexGet(version: String, model: String)
    case control(path: String)
    case notFound
    case methodNotAllowed(allowed: String)

    static let aiStudioVersions: Set<String> = ["v1", "v1beta"]
    static let vertexVersions: Set<String> = ["v1", "v1beta1"]
    static let modelMethods: Set<String> = ["generateContent", "streamGenerateContent", "countTokens", "predict"]

    var surface: EmulatorFault.Surface {
        switch self {
        case .metadataPing, .metadata: .metadata
        case .token: .token
        case .aiStudioCall, .aiStudioList, .aiStudioGet: .aiStudio
        case .vertexCall, .vertexList, .vertexGet: .vertex
        case .control, .notFound, .methodNotAllowed: .any
        }
    }

    /// The method name faults match on.
    var methodName: String {
        switch self {
        case .metadataPing: "ping"
        case .metadata(let path): path.split(separator: "/").last.map(String.init) ?? "metadata"
        case .token: "token"
        case .aiStudioCall(_, _, let method), .vertexCall(_, _, _, _, let method): method
        case .aiStudioList, .vertexList: "list"
        case .aiStudioGet, .vertexGet: "get"
        case .control, .notFound, .methodNotAllowed: ""
        }
    }

    var model: String? {
        switch self {
        case .aiStudioCall(_, let model, _), .aiStudioGet(_, let model), .vertexGet(_, let model): model
        case .vertexCall(_, _, _, let model, _): model
        default: nil
        }
    }

    static func parse(method: String, path: String) -> Route {
        if path == "/" { return method == "GET" ? .metadataPing : .methodNotAllowed(allowed: "GET") }
        if path.hasPrefix("/emulator/") { return .control(path: path) }
        if path == "/token" || path == "/o/oauth2/token" {
            return method == "POST" ? .token : .methodNotAllowed(allowed: "POST")
        }
        if path.hasPrefix("/computeMetadata/v1/") || path == "/computeMetadata/v1" {
            let rest = String(path.dropFirst("/computeMetadata/v1".count))
            return method == "GET" ? .metadata(path: rest) : .methodNotAllowed(allowed: "GET")
        }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).removingPercentEncoding ?? String($0)
        }
        guard let version = segments.first else { return .notFound }
        segments.removeFirst()

        // The last segment may carry `:{method}`.
        var verb: String?
        if let last = segments.last, let colon = last.lastIndex(of: ":") {
            verb = String(last[last.index(after: colon)...])
            segments[segments.count - 1] = String(last[..<colon])
        }
        func call(_ make: (String) -> Route) -> Route {
            guard let verb, modelMethods.contains(verb) else { return .notFound }
            return method == "POST" ? make(verb) : .methodNotAllowed(allowed: "POST")
        }
        func get(_ route: Route) -> Route {
            verb == nil ? (method == "GET" ? route : .methodNotAllowed(allowed: "GET")) : .notFound
        }

        if aiStudioVersions.contains(version), segments.first == "models" {
            switch segments.count {
            case 1: return get(.aiStudioList(version: version))
            case 2 where !segments[1].isEmpty:
                if verb != nil { return call { .aiStudioCall(version: version, model: segments[1], method: $0) } }
                return get(.aiStudioGet(version: version, model: segments[1]))
            default: return .notFound
            }
        }
        if vertexVersions.contains(version) {
            if segments.count >= 3, segments[0] == "publishers", segments[1] == "google", segments[2] == "models" {
                switch segments.count {
                case 3: return get(.vertexList(version: version))
                case 4 where !segments[3].isEmpty:
                    if verb != nil {
                        return call { .vertexCall(version: version, project: nil, location: nil, model: segments[3], method: $0) }
                    }
                    return get(.vertexGet(version: version, model: segments[3]))
                default: return .notFound
                }
            }
            if segments.count == 8, segments[0] == "projects", segments[2] == "locations", segments[4] == "publishers",
                segments[5] == "google", segments[6] == "models", !segments[7].isEmpty
            {
                if verb != nil {
                    return call {
                        .vertexCall(version: version, project: segments[1], location: segments[3], model: segments[7], method: $0)
                    }
                }
                return get(.vertexGet(version: version, model: segments[7]))
            }
        }
        return .notFound
    }
}
