import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// `POST /token`: faults first, then the OAuth grant.
extension EmulatorCore {
    // MARK: Token endpoint

    func token(_ incoming: Incoming) async -> Reply {
        if let reply = await applyFault(route: .token, isStream: false).reply { return reply }
        let contentType = incoming.header("content-type")?.lowercased() ?? ""
        let form = contentType.hasPrefix("application/x-www-form-urlencoded") ? TokenEndpoint.parseForm(incoming.body) : [:]
        let outcome = await tokenEndpoint.handle(form: form)
        if outcome.granted { await state.count { $0.tokenGrants += 1 } }
        var reply = Reply.json(outcome.body, status: outcome.status)
        reply.headers.append(("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"))
        return reply
    }
}
