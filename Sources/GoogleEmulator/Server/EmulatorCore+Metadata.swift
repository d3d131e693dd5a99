import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// The GCE metadata server: `Metadata-Flavor: Google` required on requests and set on answers.
extension EmulatorCore {
    // MARK: Metadata server

    func metadata(_ incoming: Incoming, route: Route) async -> Reply {
        var reply = await metadataReply(incoming, route: route)
        reply.headers.append(("Metadata-Flavor", "Google"))
        return reply
    }

    func metadataReply(_ incoming: Incoming, route: Route) async -> Reply {
        guard incoming.header("metadata-flavor") == "Google" else {
            return .text(
                "Missing Metadata-Flavor:Google header.",
                status: 403,
                contentType: "text/html; charset=UTF-8"
            )
        }
        let isToken: Bool
        if case .metadata(let path) = route, path.hasSuffix("/token") { isToken = true } else { isToken = false }
        if isToken { await state.count { $0.metadataTokenRequests += 1 } }
        if let reply = await applyFault(route: route, isStream: false).reply { return reply }
        guard case .metadata(let path) = route else { return .text("computeMetadata/\n") }
        let email = "switchyard-emulator@\(defaultProject).iam.gserviceaccount.com"
        let accountPrefix = "/instance/service-accounts/"
        if path.hasPrefix(accountPrefix) {
            let rest = path.dropFirst(accountPrefix.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard let account = rest.first, account == "default" || account == email else {
                return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
            }
            let leaf = rest.count > 1 ? rest[1] : ""
            switch leaf {
            case "token":
                let scopes = incoming.queryValue("scopes").map { $0.split(separator: ",").map(String.init) } ?? [TokenEndpoint.cloudPlatformScope]
                let token = await state.issueToken(
                    principal: EmulatorState.Principal(email: email, project: defaultProject),
                    scopes: scopes,
                    lifetime: configuration.tokenLifetime
                )
                return .json(
                    .members([
                        ("access_token", .string(token)),
                        ("expires_in", .integer(configuration.tokenLifetime.components.seconds)),
                        ("token_type", "Bearer"),
                    ])
                )
            case "email":
                return .text(email)
            case "scopes":
                return .text(TokenEndpoint.cloudPlatformScope + "\n")
            case "":
                if incoming.queryValue("recursive") == "true" {
                    return .json(
                        .members([
                            ("aliases", ["default"]),
                            ("email", .string(email)),
                            ("scopes", [.string(TokenEndpoint.cloudPlatformScope)]),
                        ])
                    )
                }
                return .text("aliases\nemail\nidentity\nscopes\ntoken\n")
            default:
                return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
            }
        }
        switch path {
        case "/project/project-id": return .text(defaultProject)
        case "/project/numeric-project-id": return .text("123456789012")
        case "/universe/universe-domain": return .text("googleapis.com")
        case "", "/": return .text("instance/\nproject/\n")
        default: return .text("Not Found", status: 404, contentType: "text/html; charset=UTF-8")
        }
    }
}
