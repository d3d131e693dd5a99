import Foundation
import Logging

/// Finds Application Default Credentials in google-auth's order (`google.auth.default()`):
/// 1. `GOOGLE_APPLICATION_CREDENTIALS`: a credentials file; when set, it must load (no fall-through).
/// 2. The gcloud ADC file: `$CLOUDSDK_CONFIG/application_default_credentials.json`, else
///    `~/.config/gcloud/application_default_credentials.json`; used when it exists.
/// 3. The metadata server, when its detection ping answers (see ``MetadataServer``).
/// 4. Otherwise one ``GoogleAuthError`` `noDefaultCredentials` listing every place tried.
enum ApplicationDefaultCredentials {
    static let fileName = "application_default_credentials.json"

    /// The gcloud ADC file's path, or `nil` without `CLOUDSDK_CONFIG` or a home directory.
    static func gcloudFilePath(environment: AuthEnvironment) -> String? {
        if let config = environment["CLOUDSDK_CONFIG"] {
            return (config as NSString).appendingPathComponent(fileName)
        }
        guard let home = environment.homeDirectory, !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/gcloud/\(fileName)")
    }

    static func resolve(scopes: [String], quotaProject: String?, context: CredentialContext) async throws -> TokenCredentialSource {
        let logger = context.logger
        var tried: [String] = []

        if let path = context.environment["GOOGLE_APPLICATION_CREDENTIALS"] {
            logger.debug("using GOOGLE_APPLICATION_CREDENTIALS", metadata: ["file": "\(path)"])
            let file = try CredentialFile.load(path: path)
            return CredentialSourceFactory.makeSource(file: file, scopes: scopes, quotaProject: quotaProject, context: context)
        }
        tried.append("GOOGLE_APPLICATION_CREDENTIALS (not set)")

        if let path = gcloudFilePath(environment: context.environment) {
            if FileManager.default.fileExists(atPath: path) {
                logger.debug("using the gcloud ADC file", metadata: ["file": "\(path)"])
                let file = try CredentialFile.load(path: path)
                return CredentialSourceFactory.makeSource(file: file, scopes: scopes, quotaProject: quotaProject, context: context)
            }
            tried.append("the gcloud ADC file \(path) (not found)")
        } else {
            tried.append("the gcloud ADC file (neither CLOUDSDK_CONFIG nor a home directory is set)")
        }

        let server = MetadataServer(environment: context.environment)
        let detection = await server.detect(transport: context.transport, retry: context.tokenRetry, logger: logger)
        if detection.available {
            logger.debug("using the metadata server", metadata: ["host": "\(server.host)"])
            let fetcher = MetadataTokenFetcher(
                server: server,
                scopes: scopes,
                transport: context.transport,
                retry: context.tokenRetry,
                clock: context.clock
            )
            let metrics = AuthMetrics(credential: fetcher.credentialLabel, kind: fetcher.kind, factory: context.metricsFactory)
            return TokenCredentialSource(
                fetcher: fetcher,
                quotaProject: context.quotaProject(explicit: quotaProject, fromCredential: nil),
                clock: context.clock,
                metrics: metrics
            )
        }
        tried.append("the metadata server (\(detection.reason))")

        throw GoogleAuthError(
            code: .noDefaultCredentials,
            message: "no Application Default Credentials found; tried: " + tried.joined(separator: "; ")
                + ". Set GOOGLE_APPLICATION_CREDENTIALS to a key file or run `gcloud auth application-default login`"
        )
    }
}
